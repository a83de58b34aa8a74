/**
 * The error corpus (test/fixtures/corpus) through the real stream: apiFetch, the streaming body
 * parser and the per-record normalizer, in several chunk sizes. Every case must end the way the
 * manifest says, with its phrase in the message, and nothing may throw anything but an ApiError.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../src/lib/api-error';
import { streamRecordings, type StreamTimeouts } from '../../src/features/recordings/recordings-stream';
import type { Recording, UnreadableRecord } from '../../src/features/recordings/recording';
import { corpusBody, corpusCases, corpusHeaders, type CorpusCase } from '../fixtures/corpus/corpus';

const cases = corpusCases();

/** A fetch that answers once, with the body cut into `chunkSize`-byte pieces. */
function answer(status: number, headers: Record<string, string>, body: Uint8Array, chunkSize = body.length || 1) {
  return vi.fn(async (_url: string | URL | Request, init?: RequestInit) => {
    init?.signal?.throwIfAborted();
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < body.length; i += chunkSize) controller.enqueue(body.slice(i, i + chunkSize));
        controller.close();
      },
    });
    // 1xx/204/304 are not in the corpus; a 200 may still have an empty body.
    return new Response(stream, { status, headers });
  });
}

interface Outcome {
  records: Recording[];
  unreadable: UnreadableRecord[];
  error: unknown;
}

async function run(request: { roomId?: string } = {}, timeouts: StreamTimeouts = {}, signal = new AbortController().signal): Promise<Outcome> {
  const records: Recording[] = [];
  const unreadable: UnreadableRecord[] = [];
  try {
    for await (const event of streamRecordings(request, signal, timeouts)) {
      if (event.type === 'batch') {
        records.push(...event.records);
        unreadable.push(...event.unreadable);
      }
    }
    return { records, unreadable, error: null };
  } catch (error) {
    return { records, unreadable, error };
  }
}

/** Chunk sizes that keep even the 2.5 MB bodies to a few thousand chunks. */
function chunkSizesFor(size: number): number[] {
  return [1, 3, 64, 4096, Math.max(size, 1)].filter((chunk, index, all) => size / chunk <= 5_000 && all.indexOf(chunk) === index);
}

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

function expectOutcome(item: CorpusCase, outcome: Outcome) {
  if (item.kind === 'ok') {
    expect(outcome.error, `${item.id}: ${String(outcome.error)}`).toBeNull();
    expect(outcome.records).toHaveLength(item.records!);
    expect(outcome.unreadable).toHaveLength(item.unreadable!);
    return;
  }
  expect(outcome.error, item.id).toBeInstanceOf(ApiError);
  const error = outcome.error as ApiError;
  expect(error.kind, `${item.id}: ${error.message}`).toBe(item.kind);
  expect(error.message).toContain(item.phrase);
  // A message a person can act on: words, not a code or a stack.
  expect(error.message).toMatch(/^The recordings API |^The answer from the recordings API |^Your session ended\. |^Too many requests /);
  expect(error.message).not.toMatch(/undefined|\[object |SyntaxError|TypeError/);
}

describe('the error corpus through streamRecordings', () => {
  it('holds at least 50 cases, each with an existing body file and a known kind', () => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    const kinds = new Set(['ok', 'auth', 'forbidden', 'not-found', 'rate-limited', 'server', 'timeout', 'rejected', 'malformed']);
    for (const item of cases) {
      expect(kinds.has(item.kind), item.id).toBe(true);
      expect(corpusBody(item)).toBeInstanceOf(Buffer);
      expect(item.phrase.length).toBeGreaterThan(3);
    }
    expect(new Set(cases.map((item) => item.id)).size).toBe(cases.length);
  });

  for (const item of cases) {
    const body = corpusBody(item);
    it.each(chunkSizesFor(body.length))(`${item.id} (${item.note}) in %i-byte chunks`, async (chunkSize) => {
      vi.stubGlobal('fetch', answer(item.status, corpusHeaders(item), body, chunkSize));
      expectOutcome(item, await run());
    });
  }

  it('reads Retry-After in seconds and as an HTTP-date', async () => {
    const seconds = cases.find((item) => item.id === 'http-429-seconds')!;
    vi.stubGlobal('fetch', answer(429, corpusHeaders(seconds), corpusBody(seconds)));
    expect(((await run()).error as ApiError).retryAfterMs).toBe(30_000);

    const date = cases.find((item) => item.id === 'http-429-http-date')!;
    vi.stubGlobal('fetch', answer(429, corpusHeaders(date), corpusBody(date)));
    const error = (await run()).error as ApiError;
    expect(error.retryAfterMs).toBeGreaterThan(85_000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(90_000);
    expect(error.message).toMatch(/Try again in (8[6-9]|90) s\./);
  });

  it('keeps what the records said, not what the markup or the prototype keys could do', async () => {
    const protoCase = cases.find((item) => item.id === 'prototype-keys')!;
    vi.stubGlobal('fetch', answer(200, corpusHeaders(protoCase), corpusBody(protoCase), 7));
    const { records } = await run();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(records[0]!.extra)).toBe(Object.prototype);
    expect(Object.keys(records[0]!.extra)).toEqual(['__proto__', 'constructor']);
    expect((records[0]!.extra as Record<string, unknown>).polluted).toBeUndefined();

    const links = cases.find((item) => item.id === 'unsafe-links')!;
    vi.stubGlobal('fetch', answer(200, corpusHeaders(links), corpusBody(links), 5));
    const [unsafe] = (await run()).records;
    expect([unsafe!.rawUrl, unsafe!.processedUrl, unsafe!.thumbnailUrl, unsafe!.thumbnailSmallUrl]).toEqual([null, null, null, null]);
    expect(Object.keys(unsafe!.rejectedLinks).sort()).toEqual(['processed_path', 'raw_path', 'thumbnail_256x144_path', 'thumbnail_path']);
  });

  it('reads invalid UTF-8 inside strings as U+FFFD, like response.json(), and a BOM not at all', async () => {
    const invalid = cases.find((item) => item.id === 'invalid-utf8-in-strings')!;
    vi.stubGlobal('fetch', answer(200, corpusHeaders(invalid), corpusBody(invalid), 2));
    const { records } = await run();
    expect(records[0]!.classId).toBe('school::room-\uFFFD-1');
    expect(records[0]!.extra).toEqual({});
    const bom = cases.find((item) => item.id === 'bom')!;
    vi.stubGlobal('fetch', answer(200, corpusHeaders(bom), corpusBody(bom), 1));
    expect((await run()).records.map((record) => record.id)).toEqual(['rec-1', 'rec-2']);
  });

  it('names what was unreadable, and why, for the mixed list', async () => {
    const mixed = cases.find((item) => item.id === 'mixed-good-and-bad')!;
    vi.stubGlobal('fetch', answer(200, corpusHeaders(mixed), corpusBody(mixed), 16));
    const { records, unreadable } = await run();
    expect(records.map((record) => record.id)).toEqual(['rec-1', 'rec-2', 'rec-3']);
    expect(unreadable.map((item) => item.position)).toEqual([2, 3, 4, 5, 6, 7, 9, 10, 11]);
    expect(unreadable.map((item) => item.reason)).toEqual([
      'the record is null',
      'the record is a string, not an object',
      'the record is a number, not an object',
      'the record is a list, not an object',
      'it has no "_id"',
      'it has no "_id"',
      '"c" is not a number',
      '"duration" is not a number',
      '"class_id" is not text',
    ]);
  });

  it('counts a record nested too deeply as unreadable, with the reason', async () => {
    const deep = cases.find((item) => item.id === 'deeply-nested-field')!;
    vi.stubGlobal('fetch', answer(200, corpusHeaders(deep), corpusBody(deep), 4096));
    const { unreadable } = await run();
    expect(unreadable).toEqual([{ position: 2, id: 'rec-deep', reason: '"junk" is nested more than 64 levels deep' }]);
  });
});

describe('time-outs and a missing network', () => {
  it('gives up on an answer that never sends headers, with its own message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(init.signal!.reason))),
      ),
    );
    const { error } = await run({}, { headersMs: 50 });
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).kind).toBe('timeout');
    expect((error as ApiError).message).toContain('did not answer in time');
  });

  it('gives up on an answer that stalls mid-body, keeping the rows it already had', async () => {
    vi.useFakeTimers();
    const first = new TextEncoder().encode('{"status":true,"obj":[{"_id":"rec-1"},{"_id":"rec-2"},');
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              start(controller) {
                controller.enqueue(first);
                // ...and then nothing, ever.
              },
            }),
            { status: 200, headers: { 'Content-Type': 'application/json' } },
          ),
      ),
    );
    const outcome = run({}, { idleMs: 30_000 });
    await vi.advanceTimersByTimeAsync(29_000);
    await vi.advanceTimersByTimeAsync(2_000);
    const { records, error } = await outcome;
    expect(records.map((record) => record.id)).toEqual(['rec-1', 'rec-2']);
    expect((error as ApiError).kind).toBe('timeout');
    expect((error as ApiError).message).toContain('stopped sending data part-way through (nothing for 30 s)');
  });

  it('says it could not reach the server when the network is gone', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const { error } = await run();
    expect((error as ApiError).kind).toBe('network');
    expect((error as ApiError).message).toBe('Could not reach the dashboard server. Check the connection and try again.');
  });

  it('says the browser is offline when it knows', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    vi.stubGlobal('navigator', { onLine: false });
    const { error } = await run();
    expect((error as ApiError).kind).toBe('offline');
    expect((error as ApiError).message).toContain('You are offline');
  });

  it('says the connection broke when the body errors part-way', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response(
            new ReadableStream<Uint8Array>({
              pull(controller) {
                controller.error(new TypeError('network error'));
              },
            }),
            { status: 200 },
          ),
      ),
    );
    const { error } = await run();
    expect((error as ApiError).kind).toBe('network');
    expect((error as ApiError).message).toContain('The connection broke while the list was loading');
  });

  it('passes the caller\'s own abort through untouched (a cancelled query is not an error to show)', async () => {
    const controller = new AbortController();
    controller.abort();
    vi.stubGlobal('fetch', answer(200, {}, new TextEncoder().encode('{"status":true,"obj":[]}')));
    const { error } = await run({}, {}, controller.signal);
    expect(error).not.toBeInstanceOf(ApiError);
    expect((error as Error).name).toBe('AbortError');
  });
});
