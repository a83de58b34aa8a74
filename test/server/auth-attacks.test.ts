/**
 * Guessing keys: an unknown client and a wrong key must look the same, in the answer and in the
 * time it takes (a property, checked on medians, not a benchmark); repeated failures per
 * client_id + IP are throttled with 429 and Retry-After.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthThrottle, throttleKey } from '../../server/auth-throttle.ts';
import { hashKey, keyMatches } from '../../server/client-keys.ts';
import { DISTRICT, SCHOOL, postJson, startTestServer, type TestServer } from './harness.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function timed(url: string, body: object): Promise<{ ms: number; status: number; text: string }> {
  const started = performance.now();
  const res = await postJson(url, body);
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, text };
}

describe('an unknown client and a wrong key', () => {
  let app: TestServer;

  beforeAll(async () => {
    app = await startTestServer({ authFailureLimit: 1_000_000, seedRecordings: 10 });
  });

  afterAll(async () => {
    await app.close();
  });

  it.each(['/get/videos', '/api/session'])('get the same answer on %s, in similar time (medians of 30 within 2x)', async (path) => {
    const url = `${app.url}${path}`;
    const wrongKey: number[] = [];
    const unknownClient: number[] = [];
    const answers = new Set<string>();
    // Warm-up: the first scrypt calls pay for thread-pool start-up.
    for (let i = 0; i < 3; i += 1) {
      await timed(url, { client_id: 'demo-school', auth_key: `warm-${i}` });
      await timed(url, { client_id: `warm-${i}`, auth_key: 'x' });
    }
    for (let i = 0; i < 30; i += 1) {
      // Interleaved, so that a slow moment of the machine hits both sides alike.
      const a = await timed(url, { client_id: 'demo-school', auth_key: `wrong-key-${i}` });
      const b = await timed(url, { client_id: `no-such-school-${i}`, auth_key: `wrong-key-${i}` });
      wrongKey.push(a.ms);
      unknownClient.push(b.ms);
      answers.add(`${a.status} ${a.text}`);
      answers.add(`${b.status} ${b.text}`);
    }
    expect([...answers]).toEqual(['401 {"status":false,"message":"Invalid client_id or auth_key"}']);
    const [slow, fast] = [Math.max(median(wrongKey), median(unknownClient)), Math.min(median(wrongKey), median(unknownClient))];
    expect(slow / fast, `medians: wrong key ${median(wrongKey).toFixed(1)} ms, unknown client ${median(unknownClient).toFixed(1)} ms`).toBeLessThan(2);
    // Both pay for a real key derivation: a shortcut for unknown clients would show as ~0 ms.
    expect(fast).toBeGreaterThan(5);
  }, 90_000);

  it('compares fixed-length digests: a key of any length costs one scrypt and never throws', async () => {
    const stored = await hashKey('the-right-key');
    for (const candidate of ['', 'x', 'the-right-ke', 'the-right-key ', 'k'.repeat(10_000), '🔑'.repeat(50)]) {
      expect(await keyMatches(candidate, stored)).toBe(false);
    }
    expect(await keyMatches('the-right-key', stored)).toBe(true);
    expect(await keyMatches('the-right-key', undefined)).toBe(false);
  });
});

describe('throttling failed sign-ins', () => {
  let app: TestServer;

  beforeAll(async () => {
    app = await startTestServer({ authFailureLimit: 3, seedRecordings: 10 });
  });

  afterAll(async () => {
    await app.close();
  });

  it('answers 429 with Retry-After on /api/session after 3 failures, the same for any client id', async () => {
    for (const clientId of ['demo-district', 'never-existed']) {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await postJson(`${app.url}/api/session`, { client_id: clientId, auth_key: 'guess' })).status).toBe(401);
      }
      const blocked = await postJson(`${app.url}/api/session`, { client_id: clientId, auth_key: 'guess' });
      expect(blocked.status).toBe(429);
      const retryAfter = Number(blocked.headers.get('retry-after'));
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      expect(await blocked.json()).toEqual({ status: false, message: 'Too many failed sign-in attempts. Try again later.' });
      expect(blocked.headers.get('set-cookie')).toBeNull();
    }
    // The right key does not get through either while the window lasts.
    expect((await postJson(`${app.url}/api/session`, DISTRICT)).status).toBe(429);
    expect((await postJson(`${app.url}/get/videos`, DISTRICT)).status).toBe(429);
    // Another client id from the same address is not locked out by someone else's guesses.
    expect((await postJson(`${app.url}/api/session`, SCHOOL)).status).toBe(200);
  });

  it('counts guesses still being checked: 60 sent at once get 3 answers and 57 refusals', async () => {
    const fresh = await startTestServer({ authFailureLimit: 3, seedRecordings: 0 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) => postJson(`${fresh.url}/get/videos`, { ...SCHOOL, auth_key: `parallel-guess-${i}` })),
      );
      const statuses = answers.map((res) => res.status).sort();
      expect(statuses.filter((status) => status === 401)).toHaveLength(3);
      expect(statuses.filter((status) => status === 429)).toHaveLength(57);
    } finally {
      await fresh.close();
    }
  });

  it('forgets earlier failures after a success', async () => {
    const fresh = await startTestServer({ authFailureLimit: 3, seedRecordings: 0 });
    try {
      const wrong = { ...SCHOOL, auth_key: 'nope' };
      await postJson(`${fresh.url}/get/videos`, wrong);
      await postJson(`${fresh.url}/get/videos`, wrong);
      expect((await postJson(`${fresh.url}/get/videos`, SCHOOL)).status).toBe(200);
      await postJson(`${fresh.url}/get/videos`, wrong);
      await postJson(`${fresh.url}/get/videos`, wrong);
      expect((await postJson(`${fresh.url}/get/videos`, SCHOOL)).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });
});

describe('AuthThrottle', () => {
  it('counts per key in fixed windows and says how long to wait', () => {
    const throttle = new AuthThrottle(3, 60_000);
    const key = throttleKey('school', '10.0.0.1');
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i += 1) {
      expect(throttle.retryAfter(key, t0 + i)).toBe(0);
      throttle.recordFailure(key, t0 + i);
    }
    expect(throttle.retryAfter(key, t0 + 10)).toBe(60);
    expect(throttle.retryAfter(key, t0 + 30_500)).toBe(30);
    expect(throttle.retryAfter(key, t0 + 59_999)).toBe(1);
    expect(throttle.retryAfter(key, t0 + 60_000)).toBe(0);
    expect(throttle.retryAfter(throttleKey('school', '10.0.0.2'), t0 + 10)).toBe(0);
    expect(throttleKey('a\nb', 'c')).not.toBe(throttleKey('a', 'b\nc'));
  });

  it('counts attempts in flight, and lets them go without a verdict when the check could not be made', () => {
    const throttle = new AuthThrottle(2, 60_000);
    const key = throttleKey('school', '10.0.0.1');
    throttle.begin(key, 0);
    throttle.begin(key, 0);
    expect(throttle.retryAfter(key, 1)).toBe(60);
    throttle.release(key);
    expect(throttle.retryAfter(key, 1)).toBe(0);
    throttle.recordFailure(key, 2);
    expect(throttle.retryAfter(key, 3)).toBe(0);
    throttle.begin(key, 4);
    expect(throttle.retryAfter(key, 5)).toBe(60);
    throttle.recordSuccess(key);
    expect(throttle.retryAfter(key, 6)).toBe(0);
  });
});
