interface Window {
  failures: number;
  startedAt: number;
}

/**
 * Counts failed sign-ins per client_id + IP in fixed windows. Once `limit` failures happened in
 * a window, further attempts are refused until it ends, whether or not the key is right.
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
    if (!window || window.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((window.startedAt + this.windowMs - now) / 1000));
  }

  recordFailure(key: string, now = Date.now()): void {
    const window = this.current(key, now);
    if (window) {
      window.failures += 1;
      return;
    }
    if (this.windows.size >= 50_000) this.prune(now);
    this.windows.set(key, { failures: 1, startedAt: now });
  }

  recordSuccess(key: string): void {
    this.windows.delete(key);
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

export function throttleKey(clientId: string | undefined, ip: string | undefined): string {
  return `${clientId ?? ''}\n${ip ?? ''}`;
}
