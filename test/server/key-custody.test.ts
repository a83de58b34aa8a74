/**
 * The server side of "the key never leaks": request logs, error logs and answers to the page.
 * Logs are captured at LOG_LEVEL=info while people sign in, load lists, fail, and call with the
 * key where it does not belong (a query string); neither the key nor the session cookie appears.
 * An upstream that echoes the key in an error answer is cleaned before the page sees it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SCHOOL, postJson, rawRequest, startTestServer } from './harness.ts';

let logged: string[];

beforeEach(() => {
  logged = [];
  const capture = (...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? (arg.stack ?? arg.message) : String(arg))).join(' '));
  };
  vi.spyOn(console, 'log').mockImplementation(capture);
  vi.mocked(console.error).mockImplementation(capture);
  vi.mocked(console.warn).mockImplementation(capture);
});

afterEach(() => {
  vi.restoreAllMocks();
});

/** Every spelling of a secret that could give it away. */
function spellings(secret: string): string[] {
  return [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(secret).toString('base64url'), JSON.stringify(secret)];
}

async function fakeUpstream(respond: http.RequestListener) {
  const server = http.createServer(respond);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(JSON.parse(text || '{}') as Record<string, unknown>));
  });
}

describe('server logs', () => {
  it('never carry the key or the session cookie, whatever the requests do', async () => {
    const app = await startTestServer({ logLevel: 'info', authFailureLimit: 3, seedRecordings: 20 });
    try {
      const login = await postJson(`${app.url}/api/session`, SCHOOL);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const sealed = cookie.slice('rd_session='.length);
      expect(sealed.length).toBeGreaterThan(20);

      await postJson(`${app.url}/api/videos`, {}, { Cookie: cookie });
      await postJson(`${app.url}/api/videos`, { room_id: 'room-101' }, { Cookie: cookie });
      await postJson(`${app.url}/get/videos`, SCHOOL);
      await postJson(`${app.url}/get/videos`, { ...SCHOOL, room_id: 'gym' });
      for (let attempt = 0; attempt < 5; attempt += 1) await postJson(`${app.url}/api/session`, { ...SCHOOL, auth_key: `${SCHOOL.auth_key}-typo` });
      await postJson(`${app.url}/get/videos`, `{"client_id":"demo-school","auth_key":"${SCHOOL.auth_key}",`);
      await postJson(`${app.url}/get/videos`, { ...SCHOOL, room_id: 7 });
      // The key where it never belongs: in the query string and the fragment of the path.
      await rawRequest(app.port, {
        path: `/get/videos?client_id=demo-school&auth_key=${SCHOOL.auth_key}#${SCHOOL.auth_key}`,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(SCHOOL),
      });
      await rawRequest(app.port, { path: `/api/videos?auth_key=${SCHOOL.auth_key}`, method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: '{}' });
      await fetch(`${app.url}/api/session`, { headers: { Cookie: cookie } });
      await fetch(`${app.url}/api/session`, { method: 'DELETE', headers: { 'Content-Type': 'application/json', Cookie: cookie } });
      // Let the 'close' handlers write their lines.
      await new Promise((resolve) => setTimeout(resolve, 50));

      const log = logged.join('\n');
      expect(logged.length).toBeGreaterThanOrEqual(15);
      expect(log).toContain('POST /api/session 200');
      expect(log).toContain('POST /api/session 429');
      for (const secret of [SCHOOL.auth_key, sealed]) {
        for (const form of spellings(secret)) expect(log).not.toContain(form);
      }
      expect(log).not.toMatch(/auth_key|Cookie|rd_session/i);
    } finally {
      await app.close();
    }
  });

  it('never carry the key when the upstream fails, and error logs hold no request', async () => {
    const KEY = 'upstream-log-test-key-91c2';
    const upstream = await fakeUpstream(async (req, res) => {
      const body = await readBody(req);
      if (body.room_id === '__session_check__') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"status":true,"obj":{"recordings":[]}}');
        return;
      }
      // Echoes the request, sends more than the 64 KB the server peeks at, then breaks off.
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write(`{"status":true,"echo":${JSON.stringify(body)},"obj":[${'{"_id":"x"},'.repeat(8_000)}`);
      setTimeout(() => res.destroy(), 50);
    });
    const front = await startTestServer({ logLevel: 'info', recordingsApiUrl: upstream.url });
    try {
      const login = await postJson(`${front.url}/api/session`, { client_id: 'school', auth_key: KEY });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      // The page gets the head of the list (then a broken connection): the echo in it is cleaned.
      const received: Buffer[] = [];
      await new Promise<void>((resolve) => {
        const req = http.request(
          { host: '127.0.0.1', port: front.port, path: '/api/videos', method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: cookie } },
          (res) => {
            res.on('data', (chunk: Buffer) => received.push(chunk));
            res.on('error', () => resolve());
            res.on('close', () => resolve());
          },
        );
        req.on('error', () => resolve());
        req.end('{}');
      });
      const head = Buffer.concat(received).toString('utf8');
      expect(head).toContain('"auth_key":"[hidden]"');
      for (const form of spellings(KEY)) expect(head).not.toContain(form);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const log = logged.join('\n');
      expect(log).toContain('POST /api/session 200');
      // The broken stream is logged as an error, with its stack and nothing of the request.
      expect(log).toMatch(/POST \/api\/videos failed: /);
      for (const form of spellings(KEY)) expect(log).not.toContain(form);
    } finally {
      await front.close();
      await upstream.close();
    }
  });
});

describe('answers to the page in server mode', () => {
  it('cut the key out of an upstream error that echoes it, in every spelling', async () => {
    const KEY = 'k/"echo"+key&91';
    const upstream = await fakeUpstream(async (req, res) => {
      const body = await readBody(req);
      if (body.room_id === '__session_check__') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end('{"status":true,"obj":{"recordings":[]}}');
        return;
      }
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          status: false,
          message: `query failed for auth_key=${String(body.auth_key)} (${encodeURIComponent(String(body.auth_key))})`,
          request: body,
        }),
      );
    });
    const front = await startTestServer({ recordingsApiUrl: upstream.url });
    try {
      const login = await postJson(`${front.url}/api/session`, { client_id: 'school', auth_key: KEY });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const res = await postJson(`${front.url}/api/videos`, { room_id: 'r1' }, { Cookie: cookie });
      expect(res.status).toBe(500);
      const text = await res.text();
      expect(text).toContain('[hidden]');
      for (const form of [KEY, JSON.stringify(KEY).slice(1, -1), encodeURIComponent(KEY)]) expect(text).not.toContain(form);
      expect(JSON.parse(text)).toMatchObject({ status: false, request: { client_id: 'school', auth_key: '[hidden]' } });
    } finally {
      await front.close();
      await upstream.close();
    }
  });

  it('never set a cookie the page can read, and never put the key in one', async () => {
    const app = await startTestServer({ seedRecordings: 5 });
    try {
      const login = await postJson(`${app.url}/api/session`, SCHOOL);
      const setCookie = login.headers.get('set-cookie') ?? '';
      expect(setCookie).toMatch(/; HttpOnly; SameSite=Strict; Path=\//);
      for (const form of spellings(SCHOOL.auth_key)) expect(setCookie).not.toContain(form);
      expect(await login.text()).not.toContain(SCHOOL.auth_key);
    } finally {
      await app.close();
    }
  });
});
