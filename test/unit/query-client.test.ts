/**
 * The retry policy, counted in requests: the app's own QueryClient defaults, the app's own
 * recordings query, MSW answering. Time is faked so that backoff and Retry-After can be
 * measured instead of waited for.
 */
import { http, HttpResponse, delay } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../../src/lib/api-error';
import { MAX_AUTO_WAIT_MS, createQueryClient, retryDelay, shouldRetry } from '../../src/lib/query-client';
import { recordingQueries } from '../../src/features/recordings/recordings-queries';
import { installMsw, server } from '../harness/msw';

installMsw();

let queryClient: QueryClient;
let requests: number[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  queryClient = createQueryClient();
  requests = [];
});

afterEach(() => {
  queryClient.clear();
  vi.useRealTimers();
});

/** Every /api/videos request is timed; `reply(n)` answers the n-th (from 1). */
function answerWith(reply: (attempt: number) => Response | Promise<Response>) {
  server.use(
    http.post('*/api/videos', () => {
      requests.push(Date.now());
      return reply(requests.length);
    }),
  );
}

const OK = () => HttpResponse.json({ status: true, obj: [{ _id: 'rec-1', class_id: 'school::room-1' }] });

/** Runs the app's query for the account's list to the end, moving fake time on as needed. */
async function load(): Promise<{ error: unknown; records: number | null; elapsed: number }> {
  const started = Date.now();
  let settled = false;
  const result = queryClient
    .fetchQuery(recordingQueries.all('school'))
    .then((snapshot) => ({ error: null, records: snapshot.records.length }))
    .catch((error: unknown) => ({ error, records: null }))
    .finally(() => (settled = true));
  for (let step = 0; step < 2_000 && !settled; step += 1) await vi.advanceTimersByTimeAsync(100);
  expect(settled, 'the query settled').toBe(true);
  return { ...(await result), elapsed: Date.now() - started };
}

function gaps(): number[] {
  return requests.slice(1).map((at, index) => at - requests[index]!);
}

describe('retries through a real QueryClient with the app defaults', () => {
  it.each([
    ['a network error', () => HttpResponse.error()],
    ['500', () => HttpResponse.json({ status: false, message: 'Internal server error' }, { status: 500 })],
    ['502 from nginx', () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } })],
    ['503', () => new HttpResponse(null, { status: 503 })],
    ['504', () => new HttpResponse(null, { status: 504 })],
  ])('retries %s 3 times with growing, jittered backoff, then gives up: 4 requests', async (_name, reply) => {
    answerWith(reply);
    const { error } = await load();
    expect(error).toBeInstanceOf(ApiError);
    expect(requests).toHaveLength(4);
    const [first, second, third] = gaps();
    expect(first).toBeGreaterThanOrEqual(500);
    expect(first).toBeLessThanOrEqual(1_100);
    expect(second).toBeGreaterThanOrEqual(1_000);
    expect(second).toBeLessThanOrEqual(2_100);
    expect(third).toBeGreaterThanOrEqual(2_000);
    expect(third).toBeLessThanOrEqual(4_100);
  });

  it('retries an answer that never comes (time-out) 3 times', async () => {
    answerWith(async () => {
      await delay('infinite');
      return OK();
    });
    const { error, elapsed } = await load();
    expect((error as ApiError).kind).toBe('timeout');
    expect(requests).toHaveLength(4);
    // four 30 s time-outs plus the backoff between them
    expect(elapsed).toBeGreaterThanOrEqual(4 * 30_000 + 3_500);
  });

  it('waits what a 429 Retry-After asks for, 3 times at most', async () => {
    answerWith(() => HttpResponse.json({ status: false }, { status: 429, headers: { 'Retry-After': '2' } }));
    const { error } = await load();
    expect((error as ApiError).kind).toBe('rate-limited');
    expect(requests).toHaveLength(4);
    for (const gap of gaps()) {
      expect(gap).toBeGreaterThanOrEqual(2_000);
      expect(gap).toBeLessThanOrEqual(2_200);
    }
  });

  it('does not sit out a long Retry-After silently: one request, and the message says when', async () => {
    answerWith(() => HttpResponse.json({ status: false }, { status: 429, headers: { 'Retry-After': '120' } }));
    const { error } = await load();
    expect(requests).toHaveLength(1);
    expect((error as ApiError).message).toBe('Too many requests to the recordings API. Try again in 120 s.');
  });

  it('recovers when a retry succeeds, and stops asking', async () => {
    answerWith((attempt) => (attempt <= 2 ? new HttpResponse(null, { status: 503 }) : OK()));
    const { error, records } = await load();
    expect(error).toBeNull();
    expect(records).toBe(1);
    expect(requests).toHaveLength(3);
  });

  it.each([
    [400, 'rejected'],
    [401, 'auth'],
    [403, 'forbidden'],
    [404, 'not-found'],
    [405, 'rejected'],
    [413, 'rejected'],
    [415, 'rejected'],
  ])('never retries %i: exactly one request', async (status, kind) => {
    answerWith(() => HttpResponse.json({ status: false, message: 'no' }, { status }));
    const { error } = await load();
    expect((error as ApiError).kind).toBe(kind);
    expect(requests).toHaveLength(1);
  });

  it.each([
    ['{"status": false}', '{"status":false}'],
    ['an HTML page with 200', '<html><body>Login</body></html>'],
    ['a truncated body', '{"status":true,"obj":[{"_id":"a"'],
    ['obj of the wrong shape', '{"status":true,"obj":"x"}'],
  ])('never retries %s: the same answer would come back', async (_name, body) => {
    answerWith(() => new HttpResponse(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const { error } = await load();
    expect(error).toBeInstanceOf(ApiError);
    expect(requests).toHaveLength(1);
  });
});

describe('the policy itself', () => {
  const of = (kind: ApiError['kind'], retryAfterMs?: number) => new ApiError({ kind, message: 'x', retryAfterMs });

  it('retries only retryable kinds, at most 3 times', () => {
    for (const kind of ['network', 'timeout', 'server', 'rate-limited', 'offline'] as const) {
      expect([0, 1, 2, 3].map((count) => shouldRetry(count, of(kind)))).toEqual([true, true, true, false]);
    }
    for (const kind of ['auth', 'forbidden', 'not-found', 'rejected', 'malformed', 'config'] as const) {
      expect(shouldRetry(0, of(kind))).toBe(false);
    }
    expect(shouldRetry(0, new Error('not ours'))).toBe(false);
    expect(shouldRetry(0, of('rate-limited', MAX_AUTO_WAIT_MS))).toBe(true);
    expect(shouldRetry(0, of('rate-limited', MAX_AUTO_WAIT_MS + 1))).toBe(false);
  });

  it('backs off exponentially with jitter, and Retry-After wins', () => {
    expect([0, 1, 2, 3, 4].map((count) => retryDelay(count, of('server'), () => 0))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect([0, 1, 2, 3, 4].map((count) => retryDelay(count, of('server'), () => 1))).toEqual([1000, 2000, 4000, 8000, 8000]);
    expect(retryDelay(0, of('rate-limited', 7_000))).toBe(7_000);
  });
});
