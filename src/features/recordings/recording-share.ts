import type { Recording } from './recording';
import { recordingPath } from './recording-links';

/** `?t=` in a recording's URL: where the shared link starts playing. */
export const TIME_PARAM = 't';

/**
 * Seconds from a `t` value: `192`, `192.5`, or the `3m12s` / `1h2m3s` form people know from
 * video sites. Anything else (negative, garbage) is no start time at all.
 */
export function parseStartTime(value: string | null): number | null {
  if (value === null) return null;
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const seconds = Number(text);
    return seconds > 0 ? seconds : null;
  }
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (!match || text === '') return null;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return seconds > 0 ? seconds : null;
}

/** The absolute address of a recording, starting at `seconds` when that is past the start. */
export function shareUrl(recording: Pick<Recording, 'id' | 'roomId'>, seconds: number, origin: string): string {
  const path = recordingPath(recording);
  const whole = Math.floor(seconds);
  const time = whole > 0 ? `${path.includes('?') ? '&' : '?'}${TIME_PARAM}=${whole}` : '';
  return new URL(`${path}${time}`, origin).href;
}
