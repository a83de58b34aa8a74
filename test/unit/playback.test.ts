import { describe, expect, it } from 'vitest';
import { playbackFor, RAW_AFTER_FAILURE_NOTICE, RAW_NOTICE } from '../../src/features/recordings/playback';
import { parseStartTime, shareUrl } from '../../src/features/recordings/recording-share';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import { rawRecord } from '../harness/fixtures';

function recording(overrides: Record<string, unknown>) {
  return normalizeRecording(rawRecord(overrides));
}

describe('what the player plays', () => {
  it('plays the processed mp4 with the full thumbnail as poster and the small one as placeholder', () => {
    expect(playbackFor(recording({ _id: 'a' }))).toEqual({
      sources: [{ src: 'https://media.example/a.mp4', type: 'video/mp4' }],
      notice: null,
      directLink: 'https://media.example/a.mp4',
      poster: 'https://media.example/a.png',
      placeholder: 'https://media.example/a_256x144.png',
      portrait: false,
    });
  });

  it('falls back to the raw webm, and says so, when the recording is not processed', () => {
    const playback = playbackFor(recording({ _id: 'b', processed_path: undefined, status: 'PROCESSING' }));
    expect(playback.sources).toEqual([{ src: 'https://media.example/b.webm', type: 'video/webm' }]);
    expect(playback.notice).toBe(RAW_NOTICE);
    expect(playback.directLink).toBe('https://media.example/b.webm');
  });

  it('plays the webm while the status says not processed yet, even when a processed_path is already there', () => {
    for (const status of ['UPLOADED', 'QUEUED', 'processing']) {
      const playback = playbackFor(recording({ _id: 'p', status }));
      expect(playback.sources).toEqual([{ src: 'https://media.example/p.webm', type: 'video/webm' }]);
      expect(playback.notice).toBe(RAW_NOTICE);
    }
    // No webm to fall back to: the mp4 is the only chance.
    const onlyMp4 = playbackFor(recording({ _id: 'q', status: 'PROCESSING', raw_path: undefined }));
    expect(onlyMp4.sources).toEqual([{ src: 'https://media.example/q.mp4', type: 'video/mp4' }]);
  });

  it('says processing failed when that is why only the webm exists', () => {
    const playback = playbackFor(recording({ _id: 'c', processed_path: null, status: 'FAILED' }));
    expect(playback.notice).toBe(RAW_AFTER_FAILURE_NOTICE);
  });

  it('has nothing to play, and no link, when neither file is there', () => {
    const playback = playbackFor(recording({ _id: 'd', processed_path: undefined, raw_path: undefined }));
    expect(playback).toMatchObject({ sources: [], notice: null, directLink: null });
  });

  it('uses whichever thumbnail exists for both poster and placeholder, and frames portrait recordings upright', () => {
    const onlySmall = playbackFor(recording({ _id: 'e', thumbnail_path: undefined, mode: 'portrait' }));
    expect(onlySmall).toMatchObject({ poster: 'https://media.example/e_256x144.png', placeholder: 'https://media.example/e_256x144.png', portrait: true });
    const onlyFull = playbackFor(recording({ _id: 'f', thumbnail_256x144_path: undefined }));
    expect(onlyFull).toMatchObject({ poster: 'https://media.example/f.png', placeholder: 'https://media.example/f.png' });
  });

  it('never uses a link that is not http(s)', () => {
    const playback = playbackFor(recording({ _id: 'g', processed_path: 'javascript:alert(1)', thumbnail_path: 'file:///etc/passwd' }));
    expect(playback.sources).toEqual([{ src: 'https://media.example/g.webm', type: 'video/webm' }]);
    expect(playback.poster).toBe('https://media.example/g_256x144.png');
  });
});

describe('share links at a time (?t=)', () => {
  it('reads seconds, and the 1h2m3s form, and ignores anything else', () => {
    expect(parseStartTime('192')).toBe(192);
    expect(parseStartTime('12.5')).toBe(12.5);
    expect(parseStartTime('3m12s')).toBe(192);
    expect(parseStartTime('1h2m3s')).toBe(3723);
    expect(parseStartTime('45s')).toBe(45);
    expect(parseStartTime('2M')).toBe(120);
    for (const nothing of [null, '', '0', '-5', 'abc', '1:30', 'm', 'Infinity', '1e3']) expect(parseStartTime(nothing)).toBeNull();
  });

  it('makes an absolute link with the room and the whole seconds, and no t at the start', () => {
    const target = { id: 'rec 1', roomId: 'Salle 12 é' };
    expect(shareUrl(target, 192.9, 'https://dash.example')).toBe('https://dash.example/recordings/rec%201?room=Salle%2012%20%C3%A9&t=192');
    expect(shareUrl(target, 0.4, 'https://dash.example')).toBe('https://dash.example/recordings/rec%201?room=Salle%2012%20%C3%A9');
    expect(shareUrl({ id: 'x', roomId: '' }, 60, 'https://dash.example')).toBe('https://dash.example/recordings/x?t=60');
  });
});
