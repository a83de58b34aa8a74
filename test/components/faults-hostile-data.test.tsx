// @vitest-environment jsdom
/**
 * Hostile data from the API: media, thumbnail and download links are used only when they are
 * http(s). A `javascript:` or `data:` URL (in any spelling) is never rendered as a link, an
 * image or a video source; it is shown as inert text, and the rest of the record still shows.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordingDetails } from '../../src/features/recordings/recording-details';
import { playbackFor } from '../../src/features/recordings/playback';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import { rawRecord } from '../harness/fixtures';

afterEach(() => cleanup());

const HOSTILE = [
  'javascript:alert(document.cookie)',
  ' JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  'javascript&colon;alert(1)',
  '\u0000javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'DATA:video/mp4;base64,AAAA',
  'vbscript:msgbox(1)',
  'blob:https://evil.example/1',
  'file:///etc/passwd',
  '//evil.example/x.mp4',
  '/relative/x.mp4',
  'https://evil.example/x.mp4\u0000javascript:alert(1)',
  'https://evil.example/ x.mp4',
];

const SAFE = /^https?:\/\//i;

function renderHostile(value: string) {
  const recording = normalizeRecording(
    rawRecord({
      _id: 'hostile',
      raw_path: value,
      processed_path: value,
      thumbnail_path: value,
      thumbnail_256x144_path: value,
      callback: value,
      download_url: value,
    }),
  );
  const view = render(<RecordingDetails recording={recording} />);
  return { recording, ...view };
}

describe('links from the API in the detail view', () => {
  it.each(HOSTILE.map((value) => [JSON.stringify(value), value]))('never renders %s as a link, image or source', (_label, value) => {
    const { recording, container } = renderHostile(value);
    expect([recording.rawUrl, recording.processedUrl, recording.thumbnailUrl, recording.thumbnailSmallUrl]).toEqual([null, null, null, null]);

    for (const element of container.querySelectorAll('[href], [src], [srcset], [poster], [action], [formaction], [data]')) {
      for (const attribute of ['href', 'src', 'srcset', 'poster', 'action', 'formaction', 'data']) {
        const url = element.getAttribute(attribute);
        if (url !== null) expect(url, `${element.tagName} ${attribute}`).toMatch(SAFE);
      }
    }
    expect(container.querySelector('a[href^="javascript" i], a[href^="data" i], a[href^=" " i]')).toBeNull();
    expect(container.querySelector('img[src^="data:" i], img[src^="javascript" i]')).toBeNull();
    expect(container.querySelector('video, source, iframe, object, embed')).toBeNull();
    expect(screen.getAllByText('Not available')).toHaveLength(3);

    // It is still there for an admin to read, as text.
    expect(container.textContent).toContain(value);
    // And the player gets nothing to play.
    expect(playbackFor(recording)).toMatchObject({ sources: [], directLink: null });
  });

  it('keeps http(s) links working beside rejected ones', () => {
    const recording = normalizeRecording(
      rawRecord({ _id: 'mixed', raw_path: 'javascript:alert(1)', processed_path: 'https://media.example/ok.mp4', thumbnail_path: 'data:x' }),
    );
    const { container } = render(<RecordingDetails recording={recording} />);
    expect(screen.getByRole('link', { name: 'Download mp4' })).toHaveAttribute('href', 'https://media.example/ok.mp4');
    expect([...container.querySelectorAll('a[href]')].every((link) => SAFE.test(link.getAttribute('href')!))).toBe(true);
    expect(playbackFor(recording).sources).toEqual([{ src: 'https://media.example/ok.mp4', type: 'video/mp4' }]);
  });
});
