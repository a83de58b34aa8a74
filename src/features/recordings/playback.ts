import type { Recording } from './recording';

/** What to play for a recording: the processed mp4, else the raw webm (with a notice), else nothing. */
export interface Playback {
  sources: { src: string; type: string }[];
  notice: string | null;
  directLink: string | null;
}

export function playbackFor(recording: Recording): Playback {
  if (recording.processedUrl) {
    return { sources: [{ src: recording.processedUrl, type: 'video/mp4' }], notice: null, directLink: recording.processedUrl };
  }
  if (recording.rawUrl) {
    return {
      sources: [{ src: recording.rawUrl, type: 'video/webm' }],
      notice: 'This recording is not processed yet, so the raw recording (webm) is playing. Picture and sound may be rougher than the final video.',
      directLink: recording.rawUrl,
    };
  }
  return { sources: [], notice: null, directLink: null };
}
