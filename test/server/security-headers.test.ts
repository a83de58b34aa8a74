/**
 * The Content-Security-Policy checked against the brief, directive by directive: scripts only
 * from the dashboard's own origin (no 'unsafe-inline', no 'unsafe-eval', no wildcards), styles
 * allowed inline only because video.js writes style attributes (docs/decisions/0002), no framing,
 * no plugins, no <base>. And the other headers on every kind of answer, errors included; no CORS.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCHOOL, postJson, rawRequest, startTestServer, type TestServer } from './harness.ts';

let app: TestServer;

beforeAll(async () => {
  app = await startTestServer({ authFailureLimit: 2, seedRecordings: 5 });
});

afterAll(async () => {
  await app.close();
});

function directives(csp: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of csp.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}

async function everyKindOfAnswer(): Promise<[string, Response][]> {
  const login = await postJson(`${app.url}/api/session`, SCHOOL);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const wrong = { ...SCHOOL, client_id: 'throttled-client', auth_key: 'nope' };
  await postJson(`${app.url}/get/videos`, wrong);
  await postJson(`${app.url}/get/videos`, wrong);
  return [
    ['page (503, not built)', await fetch(`${app.url}/rooms/x`)],
    ['health', await fetch(`${app.url}/healthz`)],
    ['sign-in', login],
    ['list', await postJson(`${app.url}/api/videos`, {}, { Cookie: cookie })],
    ['contract', await postJson(`${app.url}/get/videos`, SCHOOL)],
    ['401', await postJson(`${app.url}/get/videos`, { ...SCHOOL, auth_key: 'x' })],
    ['429', await postJson(`${app.url}/get/videos`, wrong)],
    ['400', await postJson(`${app.url}/get/videos`, '{')],
    ['413', await postJson(`${app.url}/get/videos`, { pad: 'x'.repeat(70_000) })],
    ['415', await fetch(`${app.url}/api/videos`, { method: 'POST', body: '{}', headers: { 'Content-Type': 'text/plain' } })],
    ['405', await fetch(`${app.url}/get/videos`)],
    ['404 api', await fetch(`${app.url}/api/nothing`)],
    ['404 media', await fetch(`${app.url}/media/none.mp4`)],
  ];
}

describe('Content-Security-Policy', () => {
  it('allows scripts from the own origin only, no inline script, no eval, anywhere', async () => {
    const res = await fetch(`${app.url}/`);
    const csp = directives(res.headers.get('content-security-policy') ?? '');
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    for (const [name, sources] of csp) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'wasm-unsafe-eval'");
      expect(sources, name).not.toContain('*');
      if (name !== 'style-src') expect(sources, name).not.toContain("'unsafe-inline'");
    }
    // Inline style attributes are what video.js writes while it plays; style cannot run script.
    expect(csp.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    // Workers: the recordings worker is a same-origin module; blob: for video.js' VHS only.
    expect(csp.get('worker-src')).toEqual(["'self'", 'blob:']);
    // Media and thumbnails come from wherever the API keeps them, but never as script.
    expect(csp.get('media-src')).not.toContain('data:');
  });

  it('is sent, with the other headers, on every kind of answer, errors included', async () => {
    for (const [label, res] of await everyKindOfAnswer()) {
      expect(res.headers.get('content-security-policy'), label).toContain("frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), label).toBe('no-referrer');
      expect(res.headers.get('x-frame-options'), label).toBe('DENY');
      expect(res.headers.get('cross-origin-opener-policy'), label).toBe('same-origin');
      expect(res.headers.get('access-control-allow-origin'), label).toBeNull();
      expect(res.headers.get('strict-transport-security'), label).toBeNull();
      if (label !== 'page (503, not built)' && !label.startsWith('404 media')) {
        expect(res.headers.get('cache-control'), label).toBe('no-store');
        expect(res.headers.get('content-type'), label).toBe('application/json; charset=utf-8');
      }
    }
  });

  it('adds HSTS only when the request came over https', async () => {
    const res = await rawRequest(app.port, { path: '/healthz', headers: { 'X-Forwarded-Proto': 'https' } });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
  });
});

describe('CORS', () => {
  it('grants no other origin anything: no CORS headers, and a preflight is refused', async () => {
    const evil = { Origin: 'https://evil.example' };
    const simple = await rawRequest(app.port, { path: '/api/session', headers: evil });
    expect(simple.headers['access-control-allow-origin']).toBeUndefined();
    expect(simple.headers['access-control-allow-credentials']).toBeUndefined();
    const preflight = await rawRequest(app.port, {
      path: '/api/videos',
      method: 'OPTIONS',
      headers: { ...evil, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    });
    expect(preflight.status).toBe(405);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    // A cross-site form can only send text/plain or form bodies: refused before anything happens.
    const form = await rawRequest(app.port, {
      path: '/api/session',
      method: 'POST',
      headers: { ...evil, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'client_id=demo-school&auth_key=demo-school-key',
    });
    expect(form.status).toBe(415);
    expect(form.headers['set-cookie']).toBeUndefined();
  });
});
