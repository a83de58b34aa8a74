interface Window {
  failures: number;
  /** Checks started and not yet finished: counted too, so that parallel guesses cannot race past. */
  pending: number;
  startedAt: number;
}

/**
 * Counts failed sign-ins per client_id + IP in fixed windows. Once `limit` attempts have failed,
 * or are still being checked, in a window, further attempts are refused until it ends, whether
 * or not the key is right. Counting attempts in flight closes the race where hundreds of guesses
 * sent at once all pass the check before the first scrypt finishes.
 */
export class AuthThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit = 10,
    private readonly windowMs = 60_000,
  ) {}

  /** Seconds to wait, or 0 when an attempt may go ahead. */
  retryAfter(key: string, now = Date.now()): number {
    const window = this.current(key, now);
    if (!window || window.failures + window.pending < this.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000));
  }

  /** An attempt that passed `retryAfter` is being checked; end it with one of the three below. */
  begin(key: string, now = Date.now()): void {
    this.window(key, now).pending += 1;
  }

  recordFailure(key: string, now = Date.now()): void {
    const window = this.window(key, now);
    window.pending = Math.max(0, window.pending - 1);
    window.failures += 1;
  }

  recordSuccess(key: string): void {
    this.windows.delete(key);
  }

  /** The check could not be made (an upstream failed): neither a failure nor a success. */
  release(key: string): void {
    const window = this.windows.get(key);
    if (!window) return;
    window.pending = Math.max(0, window.pending - 1);
    if (window.pending === 0 && window.failures === 0) this.windows.delete(key);
  }

  private window(key: string, now: number): Window {
    const existing = this.current(key, now);
    if (existing) return existing;
    if (this.windows.size >= 50_000) this.prune(now);
    const created = { failures: 0, pending: 0, startedAt: now };
    this.windows.set(key, created);
    return created;
  }

  private current(key: string, now: number): Window | undefined {
    const window = this.windows.get(key);
    if (window && window.startedAt + this.windowMs <= now) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (window.startedAt + this.windowMs <= now) this.windows.delete(key);
    }
  }
}

/** Unambiguous whatever the client id holds (a newline, say). */
export function throttleKey(clientId: string | undefined, ip: string | undefined): string {
  return JSON.stringify([clientId ?? '', ip ?? '']);
}
