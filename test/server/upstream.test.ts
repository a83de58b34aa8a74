import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT, SCHOOL, TEACHMINT, postJson, startTestServer, type TestServer } from './harness.ts';

let upstream: TestServer;
let proxy: TestServer;

beforeAll(async () => {
  upstream = await startTestServer({ authFailureLimit: 1000 });
  proxy = await startTestServer({ recordingsApiUrl: upstream.url, authFailureLimit: 1000 });
});

afterAll(async () => {
  await proxy.close();
  await upstream.close();
});

/** A stand-in upstream that answers every request with `respond`. */
async function fakeUpstream(respond: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(respond);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function closedPortUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

async function sameAnswer(body: object) {
  const [direct, proxied] = await Promise.all([
    postJson(`${upstream.url}/get/videos`, body),
    postJson(`${proxy.url}/get/videos`, body),
  ]);
  expect(proxied.status).toBe(direct.status);
  expect(proxied.headers.get('content-type')).toBe(direct.headers.get('content-type'));
  expect(await proxied.text()).toBe(await direct.text());
}

describe('RECORDINGS_API_URL set: /get/videos is forwarded', () => {
  it('gives the same answers as the upstream for both forms and for failures', async () => {
    await sameAnswer(SCHOOL);
    await sameAnswer({ ...DISTRICT, room_id: 'room-101' });
    await sameAnswer({ ...TEACHMINT, room_id: '123456' });
    await sameAnswer({ ...SCHOOL, auth_key: 'wrong' });
  });

  it('still validates the body locally before forwarding', async () => {
    const res = await postJson(`${proxy.url}/get/videos`, { client_id: 1, auth_key: 'x' });
    expect(res.status).toBe(400);
  });

  it('signs in against the upstream and serves /api/videos through it', async () => {
    const login = await postJson(`${proxy.url}/api/session`, SCHOOL);
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const viaSession = await postJson(`${proxy.url}/api/videos`, { room_id: 'gym' }, { Cookie: cookie });
    const direct = await postJson(`${upstream.url}/get/videos`, { ...SCHOOL, room_id: 'gym' });
    expect(await viaSession.text()).toBe(await direct.text());
    const refused = await postJson(`${proxy.url}/api/session`, { ...SCHOOL, auth_key: 'wrong' });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({ status: false, message: 'Invalid client_id or auth_key' });
  });

  it('answers 502 JSON when the upstream is unreachable', async () => {
    const orphan = await startTestServer({ recordingsApiUrl: await closedPortUrl() });
    try {
      for (const path of ['/get/videos', '/api/session']) {
        const res = await postJson(`${orphan.url}${path}`, SCHOOL);
        expect(res.status).toBe(502);
        expect(await res.json()).toEqual({ status: false, message: 'Recordings API unreachable' });
      }
    } finally {
      await orphan.close();
    }
  });

  it('answers 504 when the upstream sends no headers in time', async () => {
    const silent = await fakeUpstream(() => undefined);
    const impatient = await startTestServer({ recordingsApiUrl: silent.url, upstreamTimeoutMs: 200 });
    try {
      const res = await postJson(`${impatient.url}/get/videos`, SCHOOL);
      expect(res.status).toBe(504);
      expect((await res.json()).status).toBe(false);
    } finally {
      await impatient.close();
      await silent.close();
    }
  });

  it('treats a 200 {"status": false} from the upstream as a refused sign-in, and passes it through on the contract', async () => {
    const refusing = await fakeUpstream((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{"status": false, "message": "auth failed"}');
    });
    const front = await startTestServer({ recordingsApiUrl: refusing.url });
    try {
      const login = await postJson(`${front.url}/api/session`, SCHOOL);
      expect(login.status).toBe(401);
      const contract = await postJson(`${front.url}/get/videos`, SCHOOL);
      expect(contract.status).toBe(200);
      expect(await contract.json()).toEqual({ status: false, message: 'auth failed' });
    } finally {
      await front.close();
      await refusing.close();
    }
  });

  it('passes an upstream error page through on the contract but never signs in on it', async () => {
    const broken = await fakeUpstream((_req, res) => {
      res.writeHead(502, { 'Content-Type': 'text/html' });
      res.end('<html><body>502 Bad Gateway</body></html>');
    });
    const front = await startTestServer({ recordingsApiUrl: broken.url });
    try {
      const contract = await postJson(`${front.url}/get/videos`, SCHOOL);
      expect(contract.status).toBe(502);
      expect(contract.headers.get('content-type')).toBe('text/html');
      expect(await contract.text()).toContain('502 Bad Gateway');
      const login = await postJson(`${front.url}/api/session`, SCHOOL);
      expect(login.status).toBe(502);
      expect(login.headers.get('set-cookie')).toBeNull();
    } finally {
      await front.close();
      await broken.close();
    }
  });
});
