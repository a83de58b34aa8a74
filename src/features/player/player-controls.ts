/**
 * What the page around the player may do with it, in plain terms. video-js-player.tsx implements
 * it on top of video.js; nothing else needs to know video.js exists.
 */
export interface PlayerControls {
  togglePlay(): void;
  /** Seeks by `seconds` (negative: back), clamped to the video; returns the new time. */
  seekBy(seconds: number): number;
  seekTo(seconds: number): void;
  /** Changes the volume by `delta` (0..1 scale) and unmutes; returns the new volume. */
  changeVolume(delta: number): number;
  /** Returns whether the player is muted afterwards. */
  toggleMute(): boolean;
  toggleFullscreen(): void;
  /** Steps through PLAYBACK_RATES; returns the new rate. */
  stepRate(direction: 1 | -1): number;
  currentTime(): number;
  /** Gives keyboard focus to the player, so its own controls are one Tab away. */
  focus(): void;
}

/** Everything the player reports, tagged with the media it is about (see VideoJsPlayerProps.mediaKey). */
export type PlayerEvent =
  | { type: 'ready'; controls: PlayerControls | null }
  | { type: 'loading'; mediaKey: string }
  | { type: 'metadata'; mediaKey: string; duration: number }
  | { type: 'progress'; mediaKey: string; currentTime: number; duration: number; reason: ProgressReason }
  | { type: 'ended'; mediaKey: string }
  | { type: 'error'; mediaKey: string; message: string }
  | { type: 'timeout'; mediaKey: string }
  | { type: 'rate'; rate: number };

/** `leave`: the player is about to show another recording, unmount, or the page is closing. */
export type ProgressReason = 'time' | 'pause' | 'seeked' | 'leave';

export const PLAYBACK_RATES: readonly number[] = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

/** The rate `direction` steps away from `rate` (which need not be one of PLAYBACK_RATES). */
export function steppedRate(rate: number, direction: 1 | -1): number {
  if (direction === 1) return PLAYBACK_RATES.find((candidate) => candidate > rate + 1e-9) ?? PLAYBACK_RATES.at(-1)!;
  return [...PLAYBACK_RATES].reverse().find((candidate) => candidate < rate - 1e-9) ?? PLAYBACK_RATES[0]!;
}

/** `m:ss`, or `h:mm:ss` from an hour on: how a player's clock reads. */
export function formatClock(seconds: number): string {
  const whole = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const secs = String(whole % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${secs}` : `${minutes}:${secs}`;
}

/** HTML MediaError codes, in words a teacher can act on. */
export function describeMediaError(code: number | undefined): string {
  switch (code) {
    case 1:
      return 'Loading the video was stopped before it finished.';
    case 2:
      return 'The video could not be downloaded: the media host did not answer or the connection broke.';
    case 3:
      return 'The video file is damaged, or encoded in a way this browser cannot decode.';
    case 4:
      return 'The video could not be loaded: the file is missing, its host cannot be reached, or this browser does not support its format.';
    default:
      return 'The video could not be played.';
  }
}

export function loadTimeoutMessage(timeoutMs: number): string {
  return `The video has not started loading after ${Math.round(timeoutMs / 1000)} seconds: its host may be unreachable or very slow. If it arrives after all, it plays here.`;
}
