/**
 * Request bodies are size-limited however they arrive (declared, chunked, lied about), on every
 * JSON endpoint; compressed bodies are refused rather than inflated; and the server keeps serving.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL, postJson, rawRequest, startTestServer, type TestServer } from './harness.ts';

let app: TestServer;
let cookie: string;

beforeAll(async () => {
  app = await startTestServer({ seedRecordings: 5 });
  const login = await postJson(`${app.url}/api/session`, SCHOOL);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
});

afterAll(async () => {
  await app.close();
});

/** Sends `size` bytes of a JSON string in 8 KB chunks, without a Content-Length. */
function chunked(path: string, size: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: app.port, path, method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked', ...headers } },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    req.write('{"pad":"');
    let sent = 0;
    const piece = 'x'.repeat(8192);
    const pump = () => {
      while (sent < size) {
        sent += piece.length;
        if (!req.write(piece)) return req.once('drain', pump);
      }
      req.end('"}');
    };
    pump();
  });
}

describe('request body limits', () => {
  it.each(['/get/videos', '/api/session', '/api/videos'])('answers 413 on %s for a declared body over 64 KiB', async (path) => {
    const res = await postJson(`${app.url}${path}`, { ...SCHOOL, pad: 'x'.repeat(70_000) }, { Cookie: cookie });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ status: false, message: 'Request body is larger than 65536 bytes' });
  });

  it.each(['/get/videos', '/api/session', '/api/videos'])('answers 413 on %s for a chunked body that never says its size (2 MB)', async (path) => {
    const res = await chunked(path, 2_000_000, { Cookie: cookie });
    expect(res.status).toBe(413);
  });

  it('accepts a body just under the limit', async () => {
    const res = await postJson(`${app.url}/get/videos`, { ...SCHOOL, pad: 'x'.repeat(60_000) });
    expect(res.status).toBe(200);
  });

  it('refuses a Content-Length that claims too much before reading anything', async () => {
    const res = await rawRequest(app.port, {
      path: '/get/videos',
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '999999999' },
      body: '',
    }).catch(() => ({ status: 413 }));
    expect(res.status).toBe(413);
  });

  it('refuses compressed bodies (a zip bomb never gets inflated)', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await postJson(`${app.url}/get/videos`, SCHOOL, { 'Content-Encoding': encoding });
      expect(res.status).toBe(415);
    }
  });

  it('keeps answering after all of that', async () => {
    expect((await postJson(`${app.url}/get/videos`, SCHOOL)).status).toBe(200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });
});
