import { describe, expect, it } from 'vitest';
import { isSafeLink, normalizeBatch, normalizeRecording, splitClassId } from '../../src/features/recordings/recording-schema';
import { fixtureJson, rawRecord } from '../harness/fixtures';

describe('normalizeRecording', () => {
  it('translates the spec example with missing optional fields', () => {
    const raw = fixtureJson<{ obj: unknown[] }>('all-recordings.response.json').obj[0];
    expect(normalizeRecording(raw)).toEqual({
      id: '61436403912fe0d86d993d1d',
      createdAt: 1631806475.5102067 * 1000,
      updatedAt: 1631807316.8797545 * 1000,
      classId: 'shikho::red-wizard',
      clientId: 'shikho',
      roomId: 'red-wizard',
      uuid: 'de23c546-9290-4add-bd58-20cf8a1ed29b',
      sessionId: null,
      rawUrl: 'https://storage.googleapis.com/teachmint/video_lectures/de23c546-9290-4add-bd58-20cf8a1ed29b.webm',
      processedUrl: 'https://storage.googleapis.com/teachmint/video_lectures/de23c546-9290-4add-bd58-20cf8a1ed29b.mp4',
      thumbnailUrl: 'https://storage.googleapis.com/teachmint/video_lectures/de23c546-9290-4add-bd58-20cf8a1ed29b.png',
      thumbnailSmallUrl: null,
      version: '1.0.0',
      durationSeconds: 45,
      status: 'PROCESSED',
      mode: null,
      callback: undefined,
      extra: {},
      rejectedLinks: {},
    });
  });

  it('keeps odd ids as they are and the room of the room example', () => {
    const [first, second] = fixtureJson<{ obj: { recordings: unknown[] } }>('room-recordings.response.json').obj.recordings;
    expect(normalizeRecording(first)).toMatchObject({ roomId: '123456', clientId: 'teachmint', callback: null, mode: 'landscape' });
    expect(normalizeRecording(second)).toMatchObject({
      id: '61f92dd81d1e96b3z9682d34',
      uuid: 'c54e1caf-5649-42b1-bb3b-mn1n22kji3eg',
      sessionId: 'c54e1caf-5649-42b1-bb3b-mn1n22kji3eg',
    });
  });

  it('keeps fields it does not know', () => {
    expect(normalizeRecording(rawRecord({ teacher: 'Ms. Rao', tags: ['exam'] })).extra).toEqual({ teacher: 'Ms. Rao', tags: ['exam'] });
  });

  it('never uses a link that is not http(s)', () => {
    const record = normalizeRecording(
      rawRecord({ processed_path: 'javascript:alert(1)', thumbnail_path: 'data:image/png;base64,AAAA', raw_path: '/relative.webm' }),
    );
    expect(record.processedUrl).toBeNull();
    expect(record.thumbnailUrl).toBeNull();
    expect(record.rawUrl).toBeNull();
    expect(record.rejectedLinks).toEqual({
      processed_path: 'javascript:alert(1)',
      thumbnail_path: 'data:image/png;base64,AAAA',
      raw_path: '/relative.webm',
    });
    expect(isSafeLink('HTTPS://cdn.example/x.mp4')).toBe(true);
    expect(isSafeLink('https://cdn.example/a b.mp4')).toBe(false);
  });

  it('accepts numbers sent as text and rounds durations to whole seconds', () => {
    expect(normalizeRecording(rawRecord({ c: '1700000000.5', duration: '61.6' }))).toMatchObject({
      createdAt: 1_700_000_000_500,
      durationSeconds: 62,
    });
  });

  it('splits class ids whose room holds "::" and falls back when client is missing', () => {
    expect(splitClassId('acme::lab::2', 'acme')).toEqual({ clientId: 'acme', roomId: 'lab::2' });
    expect(splitClassId('acme::Salle 12 é', null)).toEqual({ clientId: 'acme', roomId: 'Salle 12 é' });
    expect(splitClassId('no-separator', 'acme')).toEqual({ clientId: 'acme', roomId: 'no-separator' });
  });
});

describe('normalizeBatch', () => {
  it('skips and counts what cannot be read, and keeps the rest', () => {
    const batch = normalizeBatch(
      [rawRecord({ _id: 'good-1' }), 42, null, { c: 1 }, rawRecord({ _id: 'bad-date', c: { when: 'today' } }), rawRecord({ _id: 'good-2' })],
      100,
    );
    expect(batch.records.map((r) => r.id)).toEqual(['good-1', 'good-2']);
    expect(batch.unreadable).toEqual([
      { position: 102, reason: 'the record is a number, not an object' },
      { position: 103, reason: 'the record is null' },
      { position: 104, reason: 'it has no "_id"' },
      { position: 105, reason: '"c" is not a number', id: 'bad-date' },
    ]);
  });
});
