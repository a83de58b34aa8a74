import type { Recording } from './recording';

/**
 * What to play for a recording, in the player's plain terms: the processed mp4, else the raw webm
 * (with a notice that says so), else nothing; the full thumbnail as the poster and the small one
 * as the placeholder shown while the player loads.
 */
export interface Playback {
  sources: { src: string; type: string }[];
  notice: string | null;
  directLink: string | null;
  poster: string | null;
  placeholder: string | null;
  portrait: boolean;
}

export const RAW_NOTICE =
  'This recording is not processed yet, so the raw recording (webm) is playing. Picture and sound may be rougher than the final video.';
export const RAW_AFTER_FAILURE_NOTICE =
  'Processing this recording failed, so the raw recording (webm) is playing. Picture and sound may be rougher than a processed video.';

/**
 * Statuses that mean "not processed yet": a `processed_path` that comes with them may be a file
 * still being written (or an older version being redone), so the raw recording plays instead.
 */
const NOT_PROCESSED_YET = new Set(['UPLOADED', 'QUEUED', 'PROCESSING']);

export function playbackFor(recording: Recording): Playback {
  const pictures = {
    poster: recording.thumbnailUrl ?? recording.thumbnailSmallUrl,
    placeholder: recording.thumbnailSmallUrl ?? recording.thumbnailUrl,
    portrait: recording.mode === 'portrait',
  };
  const notProcessedYet = NOT_PROCESSED_YET.has((recording.status ?? '').toUpperCase());
  if (recording.processedUrl && !(notProcessedYet && recording.rawUrl)) {
    return { sources: [{ src: recording.processedUrl, type: 'video/mp4' }], notice: null, directLink: recording.processedUrl, ...pictures };
  }
  if (recording.rawUrl) {
    const notice = recording.status === 'FAILED' ? RAW_AFTER_FAILURE_NOTICE : RAW_NOTICE;
    return { sources: [{ src: recording.rawUrl, type: 'video/webm' }], notice, directLink: recording.rawUrl, ...pictures };
  }
  return { sources: [], notice: null, directLink: null, ...pictures };
}
