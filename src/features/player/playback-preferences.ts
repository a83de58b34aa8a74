import { PLAYBACK_RATES } from './player-controls';

/**
 * The viewer's playback speed, remembered in this browser for every recording and every account:
 * it is a preference of the person, not of a recording, so the key holds no client id or secret.
 */
export const RATE_STORAGE_KEY = 'recordings-dashboard:playback-rate';

const MIN_RATE = PLAYBACK_RATES[0]!;
const MAX_RATE = PLAYBACK_RATES.at(-1)!;

export function readPlaybackRate(storage: Storage | null = safeLocalStorage()): number {
  const stored = Number(readItem(storage, RATE_STORAGE_KEY));
  return Number.isFinite(stored) && stored >= MIN_RATE && stored <= MAX_RATE ? stored : 1;
}

export function writePlaybackRate(rate: number, storage: Storage | null = safeLocalStorage()): void {
  if (!Number.isFinite(rate) || rate < MIN_RATE || rate > MAX_RATE) return;
  if (rate === 1) removeItem(storage, RATE_STORAGE_KEY);
  else writeItem(storage, RATE_STORAGE_KEY, String(rate));
}

/** localStorage, or null where it is switched off or throws (private modes, sandboxed frames). */
export function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function readItem(storage: Storage | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writeItem(storage: Storage | null, key: string, value: string): void {
  try {
    storage?.setItem(key, value);
  } catch {
    // Full or switched off: the viewer loses a convenience, never the video.
  }
}

export function removeItem(storage: Storage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // As above.
  }
}
