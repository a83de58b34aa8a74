import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestServer, type TestServer } from './harness.ts';

const SIZE = 1000;
const CANARY = 'CANARY-OUTSIDE-ROOT';
const bytes = Buffer.from(Array.from({ length: SIZE }, (_, index) => index % 251));

let app: TestServer;
let sandbox: string;

beforeAll(async () => {
  sandbox = await mkdtemp(path.join(os.tmpdir(), 'rd-media-test-'));
  const mediaDir = path.join(sandbox, 'media');
  await mkdir(path.join(mediaDir, 'sub'), { recursive: true });
  await writeFile(path.join(mediaDir, 'lecture.mp4'), bytes);
  await writeFile(path.join(mediaDir, 'lecture.webm'), bytes);
  await writeFile(path.join(mediaDir, 'lecture.png'), bytes.subarray(0, 10));
  await writeFile(path.join(mediaDir, 'notes.txt'), 'not media');
  await writeFile(path.join(mediaDir, '.hidden.mp4'), bytes);
  await writeFile(path.join(sandbox, 'outside.mp4'), CANARY);
  await writeFile(path.join(sandbox, 'package.json'), CANARY);
  await symlink(path.join(sandbox, 'outside.mp4'), path.join(mediaDir, 'escape.mp4'));
  app = await startTestServer({ mediaDir, seedRecordings: 0 });
});

afterAll(async () => {
  await app.close();
  await rm(sandbox, { recursive: true, force: true });
});

const get = (urlPath: string, headers: Record<string, string> = {}, method = 'GET') =>
  rawRequest(app.port, { path: urlPath, headers, method });

describe('GET /media/<file>', () => {
  it('sends the whole file with type, length, validators, caching and range support', async () => {
    const res = await get('/media/lecture.mp4');
    expect(res.status).toBe(200);
    expect(res.body.equals(bytes)).toBe(true);
    expect(res.headers['content-type']).toBe('video/mp4');
    expect(res.headers['content-length']).toBe(String(SIZE));
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(res.headers['last-modified']).toBeTruthy();
    expect((await get('/media/lecture.webm')).headers['content-type']).toBe('video/webm');
    expect((await get('/media/lecture.png')).headers['content-type']).toBe('image/png');
  });

  it('answers HEAD with the same headers and no body, and 304 for a matching If-None-Match', async () => {
    const head = await get('/media/lecture.mp4', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(SIZE));
    expect(head.body.length).toBe(0);
    const notModified = await get('/media/lecture.mp4', { 'If-None-Match': String(head.headers.etag) });
    expect(notModified.status).toBe(304);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=0-1', 0, 1],
    ['bytes=-100', 900, 999],
    ['bytes=900-', 900, 999],
    ['bytes=990-5000', 990, 999],
    ['bytes=0-99999999999999999999', 0, 999],
  ])('answers %s with 206 and the matching Content-Range', async (range, start, end) => {
    const res = await get('/media/lecture.mp4', { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.headers['content-length']).toBe(String(end - start + 1));
    expect(res.body.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it.each(['bytes=1000-', 'bytes=5000-6000', 'bytes=-0', 'bytes=99999999999999999999999-'])(
    'answers the unsatisfiable %s with 416 and Content-Range bytes */size',
    async (range) => {
      const res = await get('/media/lecture.mp4', { Range: range });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe(`bytes */${SIZE}`);
    },
  );

  it.each(['bytes=abc', 'bytes=', 'bytes=5-2', 'items=0-1', 'bytes=0-0,2-2', 'bytes 0-1'])(
    'ignores the malformed or multi-part range %s and sends the whole file',
    async (range) => {
      const res = await get('/media/lecture.mp4', { Range: range });
      expect(res.status).toBe(200);
      expect(res.body.length).toBe(SIZE);
    },
  );

  it('sends the whole file when If-Range names another version', async () => {
    const res = await get('/media/lecture.mp4', { Range: 'bytes=0-9', 'If-Range': '"stale"' });
    expect(res.status).toBe(200);
    expect(res.body.length).toBe(SIZE);
  });
});

describe('path safety', () => {
  it.each([
    '/media/../package.json',
    '/media/%2e%2e/package.json',
    '/media/..%2fpackage.json',
    '/media/%2e%2e%2fpackage.json',
    '/media/%252e%252e%252fpackage.json',
    '/media/..\\package.json',
    '/media/..%5cpackage.json',
    '/media/%c0%ae%c0%ae/package.json',
    '/media//etc/passwd',
    `/media/${encodeURIComponent(path.join(os.tmpdir(), 'x.mp4'))}`,
    '/media/%2Fetc%2Fpasswd',
    '/media/lecture.mp4%00.png',
    '/media/escape.mp4',
    '/media/.hidden.mp4',
    '/media/notes.txt',
    '/media/sub',
    '/media/',
    '/media/missing.mp4',
  ])('answers %s with 404 and never leaks bytes from outside', async (urlPath) => {
    const res = await get(urlPath);
    expect(res.status).toBe(404);
    expect(res.body.toString('latin1')).not.toContain(CANARY);
  });

  it('answers other methods with 405', async () => {
    const res = await get('/media/lecture.mp4', {}, 'DELETE');
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
  });
});
