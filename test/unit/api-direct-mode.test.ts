// @vitest-environment jsdom
/**
 * Direct mode (VITE_API_MODE=direct): the static dashboard calls the recordings API itself. The
 * key lives in this tab's sessionStorage only, travels in request bodies only, and sign-in checks
 * it against a room that cannot exist. Server mode is checked alongside for the contrast.
 */
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installMsw, server } from '../harness/msw';

const API = 'https://recordings.example.test/base';
const KEY = 'direct-mode-secret-key-4f9a';
const CREDENTIALS = { clientId: 'school', authKey: KEY };

type Modules = {
  auth: typeof import('../../src/features/auth/session-queries');
  stream: typeof import('../../src/features/recordings/recordings-stream');
  store: typeof import('../../src/lib/direct-credentials');
  client: typeof import('../../src/lib/api-client');
};

async function loadModules(env: Record<string, string>): Promise<Modules> {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return {
    auth: await import('../../src/features/auth/session-queries'),
    stream: await import('../../src/features/recordings/recordings-stream'),
    store: await import('../../src/lib/direct-credentials'),
    client: await import('../../src/lib/api-client'),
  };
}

interface Seen {
  url: string;
  body: unknown;
  credentials: RequestCredentials;
}

let seen: Seen[];

function record(request: Request, body: unknown) {
  seen.push({ url: request.url, body, credentials: request.credentials });
}

async function drain(iterable: AsyncIterable<{ type: string; records?: unknown[] }>) {
  const records: unknown[] = [];
  for await (const event of iterable) if (event.records) records.push(...event.records);
  return records;
}

installMsw();

beforeEach(() => {
  seen = [];
  sessionStorage.clear();
  localStorage.clear();
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('direct mode', () => {
  let m: Modules;

  beforeAll(async () => {
    m = await loadModules({ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: `${API}/` });
  });

  afterAll(() => vi.resetModules());

  function api(reply: (body: Record<string, unknown>) => Response) {
    server.use(
      http.post(`${API}/get/videos`, async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        record(request, body);
        return reply(body);
      }),
    );
  }

  it('signs in against the API with a room that cannot exist, and keeps the key in sessionStorage only', async () => {
    api(() => HttpResponse.json({ status: true, obj: { recordings: [] } }));
    expect(await m.auth.signIn(CREDENTIALS)).toEqual({ clientId: 'school' });
    expect(seen).toEqual([
      { url: `${API}/get/videos`, body: { client_id: 'school', auth_key: KEY, room_id: '__session_check__' }, credentials: 'omit' },
    ]);
    expect(JSON.stringify({ ...sessionStorage })).toContain(KEY);
    expect(localStorage.length).toBe(0);
    expect(document.cookie).toBe('');
  });

  it.each([
    ['{"status": false} with 200', () => HttpResponse.json({ status: false, message: 'Invalid client_id or auth_key' })],
    ['401', () => HttpResponse.json({ status: false }, { status: 401 })],
    ['an HTML page with 200', () => new HttpResponse('<html>login</html>', { headers: { 'Content-Type': 'text/html' } })],
  ])('refuses the sign-in on %s and stores nothing', async (_name, reply) => {
    api(reply);
    await expect(m.auth.signIn(CREDENTIALS)).rejects.toMatchObject({ name: 'ApiError' });
    expect(sessionStorage.length).toBe(0);
    expect(localStorage.length).toBe(0);
  });

  it('knows the session from sessionStorage without asking anyone', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect(await m.auth.sessionQuery.queryFn!({ signal: new AbortController().signal } as never)).toBeNull();
    m.store.storeDirectCredentials(CREDENTIALS);
    expect(await m.auth.sessionQuery.queryFn!({ signal: new AbortController().signal } as never)).toEqual({ clientId: 'school' });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('loads lists from the API with the key in the body, both forms, never in the URL', async () => {
    m.store.storeDirectCredentials(CREDENTIALS);
    api((body) =>
      HttpResponse.json(
        body.room_id === undefined
          ? { status: true, obj: [{ _id: 'a', class_id: 'school::r1' }] }
          : { status: true, obj: { recordings: [{ _id: 'b', class_id: 'school::r2' }] } },
      ),
    );
    expect(await drain(m.stream.streamRecordings({}, new AbortController().signal))).toHaveLength(1);
    expect(await drain(m.stream.streamRecordings({ roomId: 'r2' }, new AbortController().signal))).toHaveLength(1);
    expect(seen.map((item) => item.body)).toEqual([
      { client_id: 'school', auth_key: KEY },
      { client_id: 'school', auth_key: KEY, room_id: 'r2' },
    ]);
    expect(seen.every((item) => !item.url.includes(KEY) && item.credentials === 'omit')).toBe(true);
  });

  it('lets the worker pass the credentials it was handed, where there is no sessionStorage', () => {
    const call = m.client.recordingsCall('r1', CREDENTIALS);
    expect(call).toEqual({ url: `${API}/get/videos`, body: { client_id: 'school', auth_key: KEY, room_id: 'r1' }, secrets: [KEY] });
  });

  it('ends the session, without a request, when no key is stored', async () => {
    await expect(drain(m.stream.streamRecordings({}, new AbortController().signal))).rejects.toMatchObject({ kind: 'auth' });
    expect(seen).toHaveLength(0);
  });

  it('signs out by forgetting the key, without a request', async () => {
    m.store.storeDirectCredentials(CREDENTIALS);
    await m.auth.signOut();
    expect(sessionStorage.length).toBe(0);
    expect(seen).toHaveLength(0);
  });

  it('names the API host when it cannot be reached', async () => {
    m.store.storeDirectCredentials(CREDENTIALS);
    server.use(http.post(`${API}/get/videos`, () => HttpResponse.error()));
    await expect(drain(m.stream.streamRecordings({}, new AbortController().signal))).rejects.toMatchObject({
      kind: 'network',
      message: 'Could not reach the recordings API at recordings.example.test. Check the connection and try again.',
    });
  });
});

describe('direct mode without an API address', () => {
  it('refuses to sign in with the configuration problem in words', async () => {
    const m = await loadModules({ VITE_API_MODE: 'direct', VITE_RECORDINGS_API_URL: '' });
    await expect(m.auth.signIn(CREDENTIALS)).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('VITE_RECORDINGS_API_URL is not set') });
    vi.resetModules();
  });
});

describe('server mode (the default)', () => {
  let m: Modules;

  beforeAll(async () => {
    m = await loadModules({ VITE_API_MODE: '' });
  });

  afterAll(() => vi.resetModules());

  it('trades the key for a cookie once, and never stores it in the page', async () => {
    server.use(
      http.post('*/api/session', async ({ request }) => {
        record(request, await request.json());
        return HttpResponse.json({ status: true, client_id: 'school' }, { headers: { 'Set-Cookie': 'rd_session=sealed; HttpOnly' } });
      }),
    );
    expect(await m.auth.signIn(CREDENTIALS)).toEqual({ clientId: 'school' });
    expect(seen).toEqual([{ url: `${location.origin}/api/session`, body: { client_id: 'school', auth_key: KEY }, credentials: 'same-origin' }]);
    expect(JSON.stringify({ ...sessionStorage, ...localStorage })).not.toContain(KEY);
    // Even a stored key from a direct-mode build is ignored here.
    sessionStorage.setItem('recordings-dashboard.credentials', JSON.stringify(CREDENTIALS));
    expect(m.store.readDirectCredentials()).toBeNull();
  });

  it('loads lists from /api/videos with no credentials in the body', async () => {
    server.use(
      http.post('*/api/videos', async ({ request }) => {
        record(request, await request.json());
        return HttpResponse.json({ status: true, obj: [] });
      }),
    );
    await drain(m.stream.streamRecordings({}, new AbortController().signal));
    await drain(m.stream.streamRecordings({ roomId: 'r1' }, new AbortController().signal));
    expect(seen.map((item) => [item.url, item.body])).toEqual([
      [`${location.origin}/api/videos`, {}],
      [`${location.origin}/api/videos`, { room_id: 'r1' }],
    ]);
  });

  it('signs out with a JSON DELETE, which the server requires against CSRF', async () => {
    let contentType: string | null = null;
    server.use(
      http.delete('*/api/session', ({ request }) => {
        contentType = request.headers.get('content-type');
        return new HttpResponse(null, { status: 204 });
      }),
    );
    await m.auth.signOut();
    expect(contentType).toBe('application/json');
  });
});
