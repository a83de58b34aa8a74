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
  // A directory link leading out, a link that stays inside, and an empty file.
  await mkdir(path.join(sandbox, 'elsewhere'));
  await writeFile(path.join(sandbox, 'elsewhere', 'secret.mp4'), CANARY);
  await symlink(path.join(sandbox, 'elsewhere'), path.join(mediaDir, 'linked'));
  await symlink(path.join(mediaDir, 'lecture.mp4'), path.join(mediaDir, 'alias.mp4'));
  await writeFile(path.join(mediaDir, 'empty.mp4'), '');
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

describe('Range per RFC 9110, more edges', () => {
  it.each([
    ['bytes=0-0', 0, 0],
    ['bytes=999-999', 999, 999],
    ['bytes=999-', 999, 999],
    ['bytes=-1', 999, 999],
    ['bytes=-1000', 0, 999],
    ['bytes=-5000', 0, 999],
    ['bytes=0-', 0, 999],
    ['BYTES=10-19', 10, 19],
    [' bytes=10-19 ', 10, 19],
    ['bytes=00010-00019', 10, 19],
  ])('%s: 206 with Content-Range, the exact bytes, and the validators of a 200', async (range, start, end) => {
    const res = await get('/media/lecture.mp4', { Range: range });
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes ${start}-${end}/${SIZE}`);
    expect(res.body.equals(bytes.subarray(start, end + 1))).toBe(true);
    expect(res.headers['accept-ranges']).toBe('bytes');
    expect(res.headers.etag).toMatch(/^"/);
    expect(res.headers['last-modified']).toBeTruthy();
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    expect(res.headers['content-type']).toBe('video/mp4');
  });

  it('answers HEAD with a range like GET, without the body', async () => {
    const res = await get('/media/lecture.mp4', { Range: 'bytes=100-199' }, 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers['content-range']).toBe(`bytes 100-199/${SIZE}`);
    expect(res.headers['content-length']).toBe('100');
    expect(res.body.length).toBe(0);
  });

  it('answers 416 with bytes */size for any range of an empty file', async () => {
    for (const range of ['bytes=0-', 'bytes=0-0', 'bytes=-1']) {
      const res = await get('/media/empty.mp4', { Range: range });
      expect(res.status).toBe(416);
      expect(res.headers['content-range']).toBe('bytes */0');
      expect(res.body.length).toBe(0);
    }
    const whole = await get('/media/empty.mp4');
    expect(whole.status).toBe(200);
    expect(whole.headers['content-length']).toBe('0');
  });

  it.each(['bytes=0-1,3-4', 'bytes=0-0,-1', 'bytes=1-2, 5-6', `bytes=${Array.from({ length: 200 }, (_, i) => `${i}-${i}`).join(',')}`])(
    'sends the whole file for the multi-range %s (a server MAY ignore Range; no multipart amplification)',
    async (range) => {
      const res = await get('/media/lecture.mp4', { Range: range.slice(0, 2000) });
      expect(res.status).toBe(200);
      expect(res.headers['content-range']).toBeUndefined();
      expect(res.headers['content-type']).toBe('video/mp4');
      expect(res.body.length).toBe(SIZE);
    },
  );

  it('honours If-Range with the current ETag or date, and ignores Range on a stale one', async () => {
    const head = await get('/media/lecture.mp4', {}, 'HEAD');
    const etag = String(head.headers.etag);
    const lastModified = String(head.headers['last-modified']);
    expect((await get('/media/lecture.mp4', { Range: 'bytes=0-9', 'If-Range': etag })).status).toBe(206);
    expect((await get('/media/lecture.mp4', { Range: 'bytes=0-9', 'If-Range': lastModified })).status).toBe(206);
    expect((await get('/media/lecture.mp4', { Range: 'bytes=0-9', 'If-Range': 'Thu, 01 Jan 1970 00:00:00 GMT' })).status).toBe(200);
    expect((await get('/media/lecture.mp4', { Range: 'bytes=0-9', 'If-Range': `W/${etag}` })).status).toBe(200);
  });

  it('never ranges the dashboard itself, and ignores Range on other methods', async () => {
    const post = await get('/media/lecture.mp4', { Range: 'bytes=0-9' }, 'POST');
    expect(post.status).toBe(405);
  });
});

describe('path safety, more ways out', () => {
  it.each([
    '/media/linked/secret.mp4',
    '/media/linked%2fsecret.mp4',
    '/media/sub/../lecture.mp4',
    '/media/./lecture.mp4',
    '/media/%2e/lecture.mp4',
    '/media/.%2e/package.json',
    '/media/%2E%2E/package.json',
    '/media/..%252f..%252fpackage.json',
    '/media/%252e%252e/package.json',
    '/media/%25252e%25252e/package.json',
    '/media/%e0%80%ae%e0%80%ae/package.json',
    '/media/%c0%af',
    '/media/%u002e%u002e/package.json',
    '/media/..%c0%afpackage.json',
    '/media/....//package.json',
    '/media/...//package.json',
    '/media/..;/package.json',
    '/media/\\..\\package.json',
    '/media/%5c..%5cpackage.json',
    '/media/sub%5c..%5c..%5cpackage.json',
    '/media/C:%5cWindows%5cwin.ini',
    '/media/file:%2f%2f%2fetc%2fpasswd',
    '/media/%00',
    '/media/lecture.mp4%00',
    '/media/lecture.mp4/',
    '/media/lecture.mp4/.',
    '/media/lecture.mp4;.png',
    '/media/lecture.mp4%20',
    '/media/%zz.mp4',
    '/media/%',
    '/media/%2',
    '/media/.git/config',
    '/media/.env',
    `/media/${'a/'.repeat(2000)}x.mp4`,
  ])('answers %s with 404 and leaks nothing', async (urlPath) => {
    const res = await get(urlPath);
    expect(res.status, urlPath).toBe(404);
    expect(res.body.toString('latin1')).not.toContain(CANARY);
    expect(res.body.toString('latin1')).toBe('Not found\n');
  });

  it('serves a link that stays inside the media folder', async () => {
    const res = await get('/media/alias.mp4');
    expect(res.status).toBe(200);
    expect(res.body.equals(bytes)).toBe(true);
  });

  it.each(['/../package.json', '/assets/../../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', '/..%5cpackage.json'])(
    'keeps the dashboard files route inside its folder too: %s',
    async (urlPath) => {
      const res = await get(urlPath);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body.toString('latin1')).not.toContain(CANARY);
    },
  );
});
