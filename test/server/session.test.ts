import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT, SCHOOL, postJson, startTestServer, type TestServer } from './harness.ts';

let app: TestServer;

beforeAll(async () => {
  app = await startTestServer({ authFailureLimit: 1000 });
});

afterAll(async () => {
  await app.close();
});

async function signIn(credentials: object = SCHOOL, headers: Record<string, string> = {}) {
  const res = await postJson(`${app.url}/api/session`, credentials, headers);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return { res, setCookie, cookie: setCookie.split(';')[0] ?? '' };
}

function sessionVideos(cookie: string, body: object = {}) {
  return postJson(`${app.url}/api/videos`, body, { Cookie: cookie });
}

describe('POST /api/session', () => {
  it('sets an HttpOnly, SameSite=Strict cookie that does not carry the key in any readable form', async () => {
    const { res, setCookie, cookie } = await signIn();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: true, client_id: 'demo-school' });
    expect(setCookie).toMatch(/^rd_session=[A-Za-z0-9_-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/);
    for (const form of [SCHOOL.auth_key, Buffer.from(SCHOOL.auth_key).toString('base64'), Buffer.from(SCHOOL.auth_key).toString('base64url')]) {
      expect(cookie).not.toContain(form);
    }
    const value = cookie.slice('rd_session='.length);
    expect(Buffer.from(value, 'base64url').toString('latin1')).not.toContain('demo-school');
  });

  it('adds Secure when the request came over https through a proxy', async () => {
    const { setCookie } = await signIn(SCHOOL, { 'X-Forwarded-Proto': 'https' });
    expect(setCookie).toContain('; Secure');
  });

  it('refuses wrong credentials with the contract 401 and sets no cookie', async () => {
    const { res, setCookie } = await signIn({ client_id: 'demo-school', auth_key: 'nope' });
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ status: false, message: 'Invalid client_id or auth_key' });
    expect(setCookie).toBe('');
  });

  it('answers 415 without a JSON Content-Type on every state-changing /api endpoint', async () => {
    const plain = { 'Content-Type': 'text/plain' };
    const requests = [
      fetch(`${app.url}/api/session`, { method: 'POST', headers: plain, body: JSON.stringify(SCHOOL) }),
      fetch(`${app.url}/api/session`, { method: 'POST', body: new URLSearchParams(SCHOOL) }),
      fetch(`${app.url}/api/session`, { method: 'DELETE' }),
      fetch(`${app.url}/api/videos`, { method: 'POST', headers: plain, body: '{}' }),
    ];
    for (const res of await Promise.all(requests)) {
      expect(res.status).toBe(415);
      expect((await res.json()).status).toBe(false);
    }
  });
});

describe('GET /api/session', () => {
  it('says who is signed in, or 401 when nobody is', async () => {
    const { cookie } = await signIn(DISTRICT);
    const signedIn = await fetch(`${app.url}/api/session`, { headers: { Cookie: cookie } });
    expect(await signedIn.json()).toEqual({ status: true, client_id: 'demo-district' });
    const anonymous = await fetch(`${app.url}/api/session`);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({ status: false, message: 'Not signed in' });
  });
});

describe('POST /api/videos', () => {
  it('answers exactly like /get/videos for the session credentials, both forms', async () => {
    const { cookie } = await signIn();
    const viaSession = await sessionVideos(cookie);
    const direct = await postJson(`${app.url}/get/videos`, SCHOOL);
    expect(viaSession.status).toBe(200);
    expect(viaSession.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await viaSession.text()).toBe(await direct.text());
    const roomViaSession = await sessionVideos(cookie, { room_id: 'physics-lab' });
    const roomDirect = await postJson(`${app.url}/get/videos`, { ...SCHOOL, room_id: 'physics-lab' });
    expect(await roomViaSession.text()).toBe(await roomDirect.text());
  });

  it('ignores credentials in the body: the cookie decides who you are', async () => {
    const { cookie } = await signIn();
    const res = await sessionVideos(cookie, { ...DISTRICT, room_id: 'science-lab' });
    expect(await res.json()).toEqual({ status: true, obj: { recordings: [] } });
  });

  it('answers 401 "session ended" without a cookie or with a tampered one', async () => {
    const ended = { status: false, message: 'Your session has ended. Please sign in again.' };
    const { cookie } = await signIn();
    const value = cookie.slice('rd_session='.length);
    const flipped = `${value.slice(0, 20)}${value[20] === 'A' ? 'B' : 'A'}${value.slice(21)}`;
    for (const bad of ['', 'rd_session=', `rd_session=${flipped}`, `rd_session=${value}x`, 'rd_session=not-a-session']) {
      const res = await sessionVideos(bad);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(ended);
    }
  });

  it('ends the session, clearing the cookie, when the key inside it stops working', async () => {
    const { cookie } = await signIn(DISTRICT);
    await app.store!.setClientKey('demo-district', 'rotated-key');
    try {
      const res = await sessionVideos(cookie);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ status: false, message: 'Your session has ended. Please sign in again.' });
      expect(res.headers.get('set-cookie')).toContain('rd_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
    } finally {
      await app.store!.setClientKey('demo-district', DISTRICT.auth_key);
    }
  });

  it('accepts a cookie sealed by another instance sharing SESSION_SECRET', async () => {
    const { cookie } = await signIn();
    const twin = await startTestServer({ sessionSecret: 'test-session-secret-that-is-long-enough', seedRecordings: 10 });
    const stranger = await startTestServer({ sessionSecret: 'a-completely-different-secret-value!!', seedRecordings: 10 });
    try {
      expect((await postJson(`${twin.url}/api/videos`, {}, { Cookie: cookie })).status).toBe(200);
      expect((await postJson(`${stranger.url}/api/videos`, {}, { Cookie: cookie })).status).toBe(401);
    } finally {
      await Promise.all([twin.close(), stranger.close()]);
    }
  });
});

describe('DELETE /api/session', () => {
  it('answers 204 and clears the cookie', async () => {
    const res = await fetch(`${app.url}/api/session`, { method: 'DELETE', headers: { 'Content-Type': 'application/json' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toBe('rd_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0');
  });
});
