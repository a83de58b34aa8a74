import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, startTestServer, type TestServer } from './harness.ts';

const INDEX = '<!doctype html><title>Recordings</title><div id="root"></div>';

let app: TestServer;
let distDir: string;

beforeAll(async () => {
  distDir = await mkdtemp(path.join(os.tmpdir(), 'rd-dist-test-'));
  await mkdir(path.join(distDir, 'assets'));
  await writeFile(path.join(distDir, 'index.html'), INDEX);
  await writeFile(path.join(distDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  await writeFile(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await startTestServer({ distDir, seedRecordings: 0 });
});

afterAll(async () => {
  await app.close();
  await rm(distDir, { recursive: true, force: true });
});

describe('the built dashboard', () => {
  it.each(['/', '/recordings/abc', '/rooms/Salle%2012%20%C3%A9', '/rooms/room-1.2', '/index.html'])(
    'serves index.html, never cached stale, for %s',
    async (urlPath) => {
      const res = await fetch(`${app.url}${urlPath}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toBe(INDEX);
    },
  );

  it('serves fingerprinted assets as immutable and other files with revalidation', async () => {
    const script = await fetch(`${app.url}/assets/index-abc123.js`);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const icon = await fetch(`${app.url}/favicon.svg`);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers a missing asset with 404 rather than index.html', async () => {
    expect((await fetch(`${app.url}/assets/missing.js`)).status).toBe(404);
    expect((await rawRequest(app.port, { path: '/../package.json' })).status).toBe(404);
  });

  it('sets the security headers on every kind of response', async () => {
    const answers = await Promise.all([
      fetch(`${app.url}/`),
      fetch(`${app.url}/healthz`),
      fetch(`${app.url}/get/videos`, { method: 'POST', body: '{}' }),
      fetch(`${app.url}/media/missing.mp4`),
      fetch(`${app.url}/api/unknown`),
    ]);
    for (const res of answers) {
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("style-src 'self' 'unsafe-inline'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('answers GET /healthz', async () => {
    const res = await fetch(`${app.url}/healthz`);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('refuses a foreign Host header on a loopback-bound server (DNS rebinding)', async () => {
    const res = await rawRequest(app.port, { path: '/healthz', headers: { Host: 'evil.example' } });
    expect(res.status).toBe(421);
    const local = await rawRequest(app.port, { path: '/healthz', headers: { Host: 'localhost:5173' } });
    expect(local.status).toBe(200);
  });
});

describe('without a build', () => {
  it('answers client-side routes with a 503 page that says how to build', async () => {
    const bare = await startTestServer({ seedRecordings: 0 });
    try {
      const res = await fetch(`${bare.url}/recordings/abc`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('Dashboard not built: run npm run build');
    } finally {
      await bare.close();
    }
  });
});
