import { readItem, removeItem, safeLocalStorage, writeItem } from './playback-preferences';

/**
 * Where the viewer left each recording, in this browser. One entry per account + recording, all in
 * one localStorage item capped at MAX_ENTRIES (oldest dropped), so years of viewing never fill the
 * quota. Keys are opaque strings made by resumeKey(); no auth key ever goes in.
 */
export const RESUME_STORAGE_KEY = 'recordings-dashboard:resume-positions:v1';
export const MAX_ENTRIES = 300;
/** Closer to the start than this is not worth resuming. */
export const MIN_RESUME_SECONDS = 5;
/** Closer to the end than this counts as watched to the end: next time starts over. */
export const END_MARGIN_SECONDS = 5;

export interface ResumePosition {
  seconds: number;
  duration: number;
  savedAt: number;
}

type Positions = Record<string, ResumePosition>;

export function resumeKey(clientId: string, recordingId: string): string {
  return JSON.stringify([clientId, recordingId]);
}

function readAll(storage: Storage | null): Positions {
  const text = readItem(storage, RESUME_STORAGE_KEY);
  if (!text) return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Positions) : {};
  } catch {
    return {};
  }
}

function writeAll(storage: Storage | null, positions: Positions): void {
  const entries = Object.entries(positions);
  if (entries.length === 0) {
    removeItem(storage, RESUME_STORAGE_KEY);
    return;
  }
  const kept = entries.length > MAX_ENTRIES ? entries.sort((a, b) => b[1].savedAt - a[1].savedAt).slice(0, MAX_ENTRIES) : entries;
  writeItem(storage, RESUME_STORAGE_KEY, JSON.stringify(Object.fromEntries(kept)));
}

/** Whether a position is worth offering: past the first seconds and not at the very end. */
export function isResumable(seconds: number, duration: number): boolean {
  if (!Number.isFinite(seconds) || seconds < MIN_RESUME_SECONDS) return false;
  return !(Number.isFinite(duration) && duration > 0 && seconds > duration - END_MARGIN_SECONDS);
}

/** The position to resume at, or null when there is none worth offering. */
export function readResumePosition(key: string, storage: Storage | null = safeLocalStorage()): number | null {
  const entry = readAll(storage)[key];
  if (!entry || typeof entry.seconds !== 'number' || typeof entry.duration !== 'number') return null;
  return isResumable(entry.seconds, entry.duration) ? entry.seconds : null;
}

/**
 * Remembers a position. Near the start it is left alone (a stray "pause" at 0:01 must not wipe a
 * real position); near the end it is forgotten, because the recording was watched to the end.
 */
export function saveResumePosition(
  key: string,
  seconds: number,
  duration: number,
  storage: Storage | null = safeLocalStorage(),
  now = Date.now(),
): void {
  if (!Number.isFinite(seconds) || seconds < MIN_RESUME_SECONDS) return;
  const positions = readAll(storage);
  if (!isResumable(seconds, duration)) {
    if (!(key in positions)) return;
    delete positions[key];
  } else {
    positions[key] = { seconds: Math.floor(seconds * 10) / 10, duration: Number.isFinite(duration) ? duration : 0, savedAt: now };
  }
  writeAll(storage, positions);
}

export function forgetResumePosition(key: string, storage: Storage | null = safeLocalStorage()): void {
  const positions = readAll(storage);
  if (!(key in positions)) return;
  delete positions[key];
  writeAll(storage, positions);
}
