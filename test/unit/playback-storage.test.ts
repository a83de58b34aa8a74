import { describe, expect, it } from 'vitest';
import { RATE_STORAGE_KEY, readPlaybackRate, writePlaybackRate } from '../../src/features/player/playback-preferences';
import { steppedRate } from '../../src/features/player/player-controls';
import {
  forgetResumePosition,
  MAX_ENTRIES,
  readResumePosition,
  RESUME_STORAGE_KEY,
  resumeKey,
  saveResumePosition,
} from '../../src/features/player/resume-positions';

/** localStorage as browsers have it, optionally full or switched off. */
class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  constructor(private readonly mode: 'ok' | 'full' | 'off' = 'ok') {}
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    if (this.mode === 'off') throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.mode !== 'ok') throw new DOMException('Quota exceeded', 'QuotaExceededError');
    this.items.set(key, value);
  }
}

describe('playback speed', () => {
  it('is 1 until the viewer picks another, then that one for every recording', () => {
    const storage = new MemoryStorage();
    expect(readPlaybackRate(storage)).toBe(1);
    writePlaybackRate(1.5, storage);
    expect(storage.getItem(RATE_STORAGE_KEY)).toBe('1.5');
    expect(readPlaybackRate(storage)).toBe(1.5);
    writePlaybackRate(1, storage);
    expect(storage.length).toBe(0);
  });

  it('stays between 0.5x and 2x whatever is stored, and keeps no account in its key', () => {
    const storage = new MemoryStorage();
    for (const bad of ['16', '0', '-1', 'fast', '0.25', 'NaN']) {
      storage.setItem(RATE_STORAGE_KEY, bad);
      expect(readPlaybackRate(storage)).toBe(1);
    }
    storage.clear();
    writePlaybackRate(4, storage);
    expect(storage.length).toBe(0);
    expect(RATE_STORAGE_KEY).not.toMatch(/key|school|client/i);
  });

  it('steps through 0.5x … 2x with < and >, and stops at the ends', () => {
    expect(steppedRate(1, 1)).toBe(1.25);
    expect(steppedRate(1, -1)).toBe(0.75);
    expect(steppedRate(2, 1)).toBe(2);
    expect(steppedRate(0.5, -1)).toBe(0.5);
    // A rate set elsewhere (say 1.1) steps to the next listed one.
    expect(steppedRate(1.1, 1)).toBe(1.25);
    expect(steppedRate(1.1, -1)).toBe(1);
  });

  it('never throws when storage is full or switched off', () => {
    expect(() => writePlaybackRate(1.5, new MemoryStorage('full'))).not.toThrow();
    expect(readPlaybackRate(new MemoryStorage('off'))).toBe(1);
    expect(readPlaybackRate(null)).toBe(1);
  });
});

describe('resume positions', () => {
  const a = resumeKey('school', 'rec-a');

  it('are kept per account and recording', () => {
    const storage = new MemoryStorage();
    saveResumePosition(a, 192.34, 3000, storage, 1);
    expect(readResumePosition(a, storage)).toBe(192.3);
    expect(readResumePosition(resumeKey('school', 'rec-b'), storage)).toBeNull();
    expect(readResumePosition(resumeKey('other-school', 'rec-a'), storage)).toBeNull();
    // Ids are opaque: a "::" or quote in them cannot make two keys collide.
    expect(resumeKey('a::b', 'c')).not.toBe(resumeKey('a', 'b::c'));
  });

  it('are not worth offering in the first seconds, and are forgotten at the end', () => {
    const storage = new MemoryStorage();
    saveResumePosition(a, 3, 3000, storage);
    expect(readResumePosition(a, storage)).toBeNull();
    saveResumePosition(a, 600, 3000, storage);
    // A stray pause near the start (a new source loading) never wipes a real position.
    saveResumePosition(a, 0.5, 3000, storage);
    expect(readResumePosition(a, storage)).toBe(600);
    // Watched to the end: next time starts over.
    saveResumePosition(a, 2998, 3000, storage);
    expect(readResumePosition(a, storage)).toBeNull();
    expect(storage.getItem(RESUME_STORAGE_KEY)).toBeNull();
  });

  it('can be forgotten ("Start over")', () => {
    const storage = new MemoryStorage();
    saveResumePosition(a, 600, 3000, storage);
    forgetResumePosition(a, storage);
    expect(readResumePosition(a, storage)).toBeNull();
  });

  it(`keep only the ${MAX_ENTRIES} most recent recordings`, () => {
    const storage = new MemoryStorage();
    for (let i = 0; i <= MAX_ENTRIES; i += 1) saveResumePosition(resumeKey('school', `rec-${i}`), 60, 3000, storage, 1000 + i);
    expect(readResumePosition(resumeKey('school', 'rec-0'), storage)).toBeNull();
    expect(readResumePosition(resumeKey('school', 'rec-1'), storage)).toBe(60);
    expect(readResumePosition(resumeKey('school', `rec-${MAX_ENTRIES}`), storage)).toBe(60);
    expect(Object.keys(JSON.parse(storage.getItem(RESUME_STORAGE_KEY)!))).toHaveLength(MAX_ENTRIES);
  });

  it('survive garbage in storage and storage that is off', () => {
    const storage = new MemoryStorage();
    storage.setItem(RESUME_STORAGE_KEY, '{not json');
    expect(readResumePosition(a, storage)).toBeNull();
    saveResumePosition(a, 90, 3000, storage);
    expect(readResumePosition(a, storage)).toBe(90);
    storage.setItem(RESUME_STORAGE_KEY, JSON.stringify({ [a]: { seconds: 'soon' } }));
    expect(readResumePosition(a, storage)).toBeNull();
    expect(() => saveResumePosition(a, 90, 3000, new MemoryStorage('off'))).not.toThrow();
    expect(readResumePosition(a, new MemoryStorage('off'))).toBeNull();
  });
});
