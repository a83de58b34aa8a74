/**
 * The auth key never ends up in an error: not in the message, the detail shown on request, the
 * error's JSON (what the worker posts to the page), its string form or its stack. Checked for
 * every corpus answer in direct mode (where the page holds the key), as sent and with an API that
 * echoes the request back in every way it could.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { corpusBody, corpusCases, corpusHeaders } from '../fixtures/corpus/corpus';

// Quotes, a slash, a plus and an ampersand: the key's JSON-escaped and URL-encoded spellings differ.
const KEY = 'k3y/"secret"+4f9a&x';
const CREDENTIALS = { clientId: 'school', authKey: KEY };

let stream: typeof import('../../src/features/recordings/recordings-stream');
let apiError: typeof import('../../src/lib/api-error');

beforeAll(async () => {
  vi.resetModules();
  vi.stubEnv('VITE_API_MODE', 'direct');
  vi.stubEnv('VITE_RECORDINGS_API_URL', 'https://recordings.example.test');
  stream = await import('../../src/features/recordings/recordings-stream');
  apiError = await import('../../src/lib/api-error');
});

afterAll(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.resetModules();
});

const echoes: [string, string][] = [
  ['a message quoting the key', JSON.stringify({ status: false, message: `auth_key ${KEY} is not valid for school` })],
  ['a message quoting the request JSON', JSON.stringify({ status: false, message: `bad request ${JSON.stringify(CREDENTIALS)}` })],
  ['a message with the key URL-encoded', JSON.stringify({ status: false, message: `GET /get/videos?auth_key=${encodeURIComponent(KEY)}` })],
  ['an HTML page quoting the body', `<html><body><pre>{"client_id":"school","auth_key":${JSON.stringify(KEY)}}</pre></body></html>`],
  ['a truncated answer that starts with the request', `{"request":{"auth_key":${JSON.stringify(KEY)}},"status":tr`],
  ['invalid JSON that starts with the key', `auth_key=${KEY}; {"status": true`],
  ['a too-large envelope that starts with the key', `{"echo":${JSON.stringify(KEY)},"message":"${'x'.repeat(1_100_000)}"}`],
];

async function failureOf(status: number, headers: Record<string, string>, body: Uint8Array): Promise<unknown> {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      // The key goes in the body, never the URL.
      expect(url).not.toContain(encodeURIComponent(KEY));
      expect(String(init.body)).toContain(JSON.stringify(KEY).slice(1, -1));
      return new Response(new Blob([new Uint8Array(body)]).stream(), { status, headers });
    }),
  );
  try {
    for await (const event of stream.streamRecordings({ credentials: CREDENTIALS }, new AbortController().signal)) void event;
    return null;
  } catch (error) {
    return error;
  }
}

function expectNoKey(error: unknown, label: string) {
  if (error === null) return;
  expect(error, label).toBeInstanceOf(apiError.ApiError);
  const e = error as InstanceType<typeof apiError.ApiError>;
  const surfaces = [e.message, e.detail ?? '', String(e), JSON.stringify(e), JSON.stringify(e.toJSON()), e.stack ?? ''];
  for (const text of surfaces) {
    for (const form of [KEY, JSON.stringify(KEY).slice(1, -1), encodeURIComponent(KEY), 'k3y/']) {
      expect(text, `${label}: ${text.slice(0, 120)}`).not.toContain(form);
    }
  }
}

describe('no error built from an answer carries the auth key', () => {
  const cases = corpusCases();

  it.each(cases.map((item) => [item.id, item] as const))('corpus case %s, as sent and echoing the key', async (_id, item) => {
    const original = await failureOf(item.status, corpusHeaders(item), corpusBody(item));
    expectNoKey(original, `${item.id} as sent`);
    for (const [name, body] of echoes) {
      const echoed = await failureOf(item.status, corpusHeaders(item), new TextEncoder().encode(body));
      expectNoKey(echoed, `${item.id}, ${name}`);
      if (item.status !== 200 || !body.startsWith('{"status":true')) expect(echoed, `${item.id}, ${name}`).not.toBeNull();
    }
  });

  it('says where it cut something out, so the rest still reads', () => {
    expect(apiError.redact(`auth_key ${KEY} is wrong`, [KEY])).toBe('auth_key [hidden] is wrong');
    expect(apiError.redact(JSON.stringify({ k: KEY }), [KEY])).toBe('{"k":"[hidden]"}');
    expect(apiError.redact(`?k=${encodeURIComponent(KEY)}`, [KEY])).toBe('?k=[hidden]');
    expect(apiError.redact('abc', ['abc'])).toBe('abc');
  });
});
