import { readFileSync } from 'node:fs';
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DISTRICT,
  SCHOOL,
  TEACHMINT,
  allRecordings,
  postJson,
  rawRequest,
  roomOf,
  roomRecordings,
  startTestServer,
  type Recording,
  type TestServer,
} from './harness.ts';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');

// The API document's example request headers, byte for byte (node:http lets us send Connection).
const SPEC_HEADERS = {
  'User-Agent': 'python-requests/2.25.1',
  'Accept-Encoding': 'gzip, deflate',
  accept: '*/*',
  Connection: 'keep-alive',
  'Content-Type': 'application/json',
};

let app: TestServer;

beforeAll(async () => {
  app = await startTestServer({ authFailureLimit: 1000 });
});

afterAll(async () => {
  await app.close();
});

function expectRecordingShape(record: Recording) {
  expect(typeof record._id).toBe('string');
  expect(Number.isFinite(record.c)).toBe(true);
  expect(Number.isFinite(record.u)).toBe(true);
  expect(Number.isInteger(record.duration)).toBe(true);
  expect(record.class_id).toMatch(/^[^:]+::.+$/);
  expect(typeof record.status).toBe('string');
}

describe('POST /get/videos for the demo accounts', () => {
  it('demo-school: an array of its own recordings with absolute http media URLs and float timestamps', async () => {
    const records = await allRecordings(app.url, SCHOOL);
    expect(records.length).toBe(320);
    for (const record of records) {
      expectRecordingShape(record);
      expect(record.client).toBe('demo-school');
      expect(record.class_id).toBe(`demo-school::${roomOf(record)}`);
      expect(record.raw_path).toMatch(new RegExp(`^${app.url}/media/[a-z-]+\\.webm$`));
    }
    expect(records.some((record) => !Number.isInteger(record.c))).toBe(true);
    expect(records.some((record) => !Number.isInteger(record.u))).toBe(true);
  });

  it('demo-school: the room form answers {recordings: [...]} with exactly that room, awkward ids included', async () => {
    for (const room of ['room-101', 'Salle 12 é']) {
      const records = await roomRecordings(app.url, SCHOOL, room);
      expect(records.length).toBeGreaterThan(0);
      expect(records.every((record) => record.class_id === `demo-school::${room}`)).toBe(true);
    }
  });

  it('demo-district: sub-clients differ from the login and rooms split at the first ::', async () => {
    const records = await allRecordings(app.url, DISTRICT);
    expect(records.length).toBe(60);
    const clients = new Set(records.map((record) => record.client));
    expect(clients).toEqual(new Set(['north-high', 'south-middle', 'east-primary']));
    for (const record of records) {
      expectRecordingShape(record);
      expect(String(record.class_id).startsWith(`${String(record.client)}::`)).toBe(true);
    }
    const annex = await roomRecordings(app.url, DISTRICT, 'annex::studio-2');
    expect(annex.length).toBeGreaterThan(0);
    expect(annex.every((record) => record.class_id === 'south-middle::annex::studio-2')).toBe(true);
    const shared = await roomRecordings(app.url, DISTRICT, 'room-101');
    expect(new Set(shared.map((record) => record.client))).toEqual(new Set(['north-high', 'south-middle']));
  });

  it('teachmint: both forms hold the spec records verbatim', async () => {
    const all = await allRecordings(app.url, TEACHMINT);
    expect(all).toHaveLength(3);
    const room = await roomRecordings(app.url, TEACHMINT, '123456');
    expect(room).toHaveLength(2);
  });
});

describe("the API document's own examples", () => {
  const specRequest = (name: string) =>
    fixture(name).replace(/,(\s*})/, '$1').replace('EXAMPLE_AUTH_KEY_REDACTED', TEACHMINT.auth_key);

  it('"Get all the recordings" with the spec headers includes the example record, gzipped on request', async () => {
    const body = specRequest('all-recordings.request.json');
    const res = await rawRequest(app.port, { path: '/get/videos', method: 'POST', headers: SPEC_HEADERS, body });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['content-encoding']).toBe('gzip');
    const answer = JSON.parse(res.body.toString('utf8'));
    const expected = JSON.parse(fixture('all-recordings.response.json'));
    expect(answer.status).toBe(true);
    expect(answer.obj[0]).toEqual(expected.obj[0]);
    // Same field order as the document, absent fields still absent.
    expect(Object.keys(answer.obj[0])).toEqual(Object.keys(expected.obj[0]));
  });

  it('"Get recordings for a room" deep-equals the example answer; the request\'s own room id 1234556 is empty', async () => {
    const request = JSON.parse(fixture('room-recordings.request.json'));
    const send = (roomId: string) =>
      rawRequest(app.port, {
        path: '/get/videos',
        method: 'POST',
        headers: SPEC_HEADERS,
        body: JSON.stringify({ ...request, ...TEACHMINT, room_id: roomId }),
      });
    const expected = JSON.parse(fixture('room-recordings.response.json'));
    const room = await send('123456');
    expect(JSON.parse(room.body.toString('utf8'))).toEqual(expected);
    expect(room.body.toString('utf8')).toContain('"callback":null');
    const empty = await send(request.room_id);
    expect(JSON.parse(empty.body.toString('utf8'))).toEqual({ status: true, obj: { recordings: [] } });
  });
});

describe('errors', () => {
  const invalid = { status: false, message: 'Invalid client_id or auth_key' };

  it('answers the same 401 for a wrong key, an unknown client and missing credentials', async () => {
    const bodies = [
      { client_id: 'demo-school', auth_key: 'wrong' },
      { client_id: 'nobody', auth_key: 'demo-school-key' },
      { client_id: 'demo-school', auth_key: 'demo-district-key' },
      {},
      { client_id: 'demo-school' },
      { auth_key: 'demo-school-key' },
      { client_id: '', auth_key: '' },
    ];
    for (const body of bodies) {
      const res = await postJson(`${app.url}/get/videos`, body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(invalid);
    }
  });

  it('answers 400 with a specific message for malformed JSON and wrong types, never echoing the key', async () => {
    const cases: [string, string][] = [
      ['{"client_id": "demo-school",', 'Request body is not valid JSON'],
      ['', 'Request body must be a JSON object'],
      ['[]', 'Request body must be a JSON object'],
      ['42', 'Request body must be a JSON object'],
      ['null', 'Request body must be a JSON object'],
      ['{"client_id": 7, "auth_key": "k"}', 'client_id must be a string'],
      ['{"client_id": "demo-school", "auth_key": ["secret-key-123"]}', 'auth_key must be a string'],
      ['{"client_id": "demo-school", "auth_key": "demo-school-key", "room_id": 5}', 'room_id must be a string'],
      ['{"client_id": "demo-school", "auth_key": "demo-school-key", "room_id": ""}', 'room_id must not be empty'],
      ['{"client_id": "demo-school", "auth_key": "demo-school-key", "room_id": null}', 'room_id must be a string'],
    ];
    for (const [body, message] of cases) {
      const res = await postJson(`${app.url}/get/videos`, body);
      expect(res.status, body).toBe(400);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: false, message });
      expect(text).not.toContain('secret-key-123');
    }
  });

  it('answers 413 for a body over 64 KiB and keeps serving', async () => {
    const res = await postJson(`${app.url}/get/videos`, { ...SCHOOL, padding: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect((await res.json()).status).toBe(false);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  });

  it('answers 405 with Allow for other methods', async () => {
    const res = await fetch(`${app.url}/get/videos`);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
  });

  it('never answers 5xx to odd bodies', async () => {
    const odd = [
      [1, 2],
      'just a string',
      true,
      { client_id: { nested: { deeper: [1, 2, 3] } }, auth_key: 'x' },
      { client_id: 'demo-school', auth_key: 'k'.repeat(60_000) },
      { client_id: 'é🎥\u202e\u0000', auth_key: '🔑' },
      { __proto__: { client_id: 'demo-school' }, auth_key: 'demo-school-key' },
      { client_id: 'demo-school', auth_key: 'demo-school-key', room_id: '../../etc/passwd' },
      { client_id: 'demo-school', auth_key: 'demo-school-key', room_id: { $ne: null } },
      { client_id: 'demo-school', auth_key: 'demo-school-key', room_id: ['room-101', 'room-102'] },
    ];
    const raw = ['{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}', '\u0000', '{"__proto__": {"polluted": 1}}'];
    for (const body of [...odd.map((item) => JSON.stringify(item)), ...raw]) {
      const res = await postJson(`${app.url}/get/videos`, body);
      expect(res.status, body.slice(0, 80)).toBeLessThan(500);
      // The only success among them is the odd-but-valid room id, and it matches nothing.
      if (res.status === 200) expect(await res.json()).toEqual({ status: true, obj: { recordings: [] } });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers unknown /get and /api paths with 404 JSON', async () => {
    for (const path of ['/get/other', '/api/nothing', '/get']) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ status: false, message: 'Not found' });
    }
  });
});

describe('tenant isolation', () => {
  it("asking for another tenant's room looks exactly like asking for a room that does not exist", async () => {
    const foreign = await rawRequest(app.port, {
      path: '/get/videos',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...SCHOOL, room_id: 'science-lab' }),
    });
    const missing = await rawRequest(app.port, {
      path: '/get/videos',
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...SCHOOL, room_id: 'no-such-room' }),
    });
    expect(foreign.status).toBe(200);
    expect(foreign.body.toString()).toBe('{"status":true,"obj":{"recordings":[]}}');
    expect(foreign.body.equals(missing.body)).toBe(true);
    const withoutDate = (headers: Record<string, unknown>) => ({ ...headers, date: undefined });
    expect(withoutDate(foreign.headers)).toEqual(withoutDate(missing.headers));
  });

  it('a room name both tenants use only yields the caller\'s own recordings', async () => {
    const school = await roomRecordings(app.url, SCHOOL, 'room-101');
    expect(school.every((record) => record.client === 'demo-school')).toBe(true);
    const teachmint = await roomRecordings(app.url, TEACHMINT, 'room-101');
    expect(teachmint).toEqual([]);
  });
});

describe('throttling failed sign-ins', () => {
  it('answers 429 with Retry-After once a client_id + IP has failed too often, even for the right key', async () => {
    const limited = await startTestServer({ authFailureLimit: 3, seedRecordings: 0 });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        expect((await postJson(`${limited.url}/get/videos`, { ...SCHOOL, auth_key: 'wrong' })).status).toBe(401);
      }
      const blocked = await postJson(`${limited.url}/get/videos`, SCHOOL);
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await postJson(`${limited.url}/get/videos`, DISTRICT)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('large answers', () => {
  let big: TestServer;

  beforeAll(async () => {
    big = await startTestServer({ seedRecordings: 5000 });
  });

  afterAll(async () => {
    await big.close();
  });

  const headers = { 'Content-Type': 'application/json' };

  it('streams thousands of records as valid JSON, plain and gzipped alike', async () => {
    const body = JSON.stringify(SCHOOL);
    const plain = await rawRequest(big.port, { path: '/get/videos', method: 'POST', headers, body });
    const gzipped = await rawRequest(big.port, {
      path: '/get/videos',
      method: 'POST',
      headers: { ...headers, 'Accept-Encoding': 'gzip' },
      body,
    });
    expect(plain.headers['transfer-encoding']).toBe('chunked');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(plain.body.length).toBeGreaterThan(1_000_000);
    expect(gzipped.body.equals(plain.body)).toBe(true);
    expect(JSON.parse(plain.body.toString('utf8')).obj).toHaveLength(5000);
  });

  it('lets go of the database when a client hangs up mid-stream', async () => {
    for (const encoding of ['identity', 'gzip']) {
      await new Promise<void>((resolve, reject) => {
        const req = http.request(
          { host: '127.0.0.1', port: big.port, path: '/get/videos', method: 'POST', headers: { ...headers, 'Accept-Encoding': encoding } },
          (res) => res.once('data', () => {
            req.destroy();
            setTimeout(resolve, 100);
          }),
        );
        req.on('error', reject);
        req.end(JSON.stringify(SCHOOL));
      });
    }
    // better-sqlite3 refuses writes while any row iterator is still open on the connection.
    await big.store!.setClientKey('late-client', 'late-key');
    expect(big.store!.hasClient('late-client')).toBe(true);
  });
});
