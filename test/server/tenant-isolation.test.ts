/**
 * Client A can never read client B's recordings, whatever room id it sends. Every case below is
 * sent by every demo tenant, on /get/videos and on /api/videos with a session, and its answer
 * must be indistinguishable (status, headers but Date, body bytes) from the answer for a room
 * that does not exist. Positive controls check that the rooms tried really hold recordings for
 * their owner, so an empty answer means isolation, not a typo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISTRICT, SCHOOL, TEACHMINT, allRecordings, postJson, rawRequest, roomOf, roomRecordings, startTestServer, type TestServer } from './harness.ts';

let app: TestServer;

interface Tenant {
  name: string;
  credentials: { client_id: string; auth_key: string };
  /** Every client name in its class_ids (a platform login has sub-clients). */
  clients: Set<string>;
  rooms: Set<string>;
  ids: Set<string>;
  cookie: string;
}

const tenants: Tenant[] = [];

beforeAll(async () => {
  app = await startTestServer({ authFailureLimit: 1_000_000 });
  for (const [name, credentials] of [
    ['school', SCHOOL],
    ['district', DISTRICT],
    ['teachmint', TEACHMINT],
  ] as const) {
    const records = await allRecordings(app.url, credentials);
    const login = await postJson(`${app.url}/api/session`, credentials);
    tenants.push({
      name,
      credentials,
      clients: new Set(records.map((record) => String(record.class_id).split('::')[0]!)),
      rooms: new Set(records.map(roomOf)),
      ids: new Set(records.map((record) => String(record._id))),
      cookie: (login.headers.get('set-cookie') ?? '').split(';')[0]!,
    });
  }
});

afterAll(async () => {
  await app.close();
});

/** Room ids that must not reach `caller`'s data (nor anyone else's), built from the other tenants. */
function attacks(caller: Tenant): string[] {
  const others = tenants.filter((tenant) => tenant !== caller);
  const foreignRooms = [...new Set(others.flatMap((tenant) => [...tenant.rooms]))].filter((room) => !caller.rooms.has(room));
  const foreignClients = [...new Set(others.flatMap((tenant) => [...tenant.clients, tenant.credentials.client_id]))];
  const sample = foreignRooms.slice(0, 4);
  const cases = new Set<string>();
  // 1. Other tenants' rooms, as they are.
  for (const room of foreignRooms) cases.add(room);
  // 2. class_id-looking ids: other clients' prefixes, and the caller's own prefix on foreign rooms.
  for (const client of foreignClients) {
    cases.add(`${client}::x`);
    for (const room of sample) cases.add(`${client}::${room}`);
    cases.add(`${client}::`);
    cases.add(client);
  }
  for (const client of caller.clients) for (const room of sample) cases.add(`${client}::${room}`);
  cases.add('demo-district::x');
  cases.add('north-high::room');
  cases.add('north-high::science-lab');
  cases.add('south-middle::annex::studio-2');
  cases.add('annex');
  cases.add('::');
  cases.add('::science-lab');
  // 3. Unicode: normalization forms, compatibility forms, invisible and direction characters.
  for (const room of [...sample, 'Salle 12 é', 'science-lab', 'annex::studio-2']) {
    cases.add(room.normalize('NFD'));
    cases.add(room.normalize('NFC'));
    cases.add(room.replace(/[a-z]/g, (ch) => String.fromCodePoint(ch.codePointAt(0)! - 0x61 + 0xff41)));
    cases.add(`${room}\u200b`);
    cases.add(`\u202e${room}`);
    cases.add(`${room}\u0000`);
    cases.add(` ${room}`);
    cases.add(`${room} `);
    cases.add(`${room}\n`);
    // 4. Case variants.
    cases.add(room.toUpperCase());
    cases.add(room[0]!.toUpperCase() + room.slice(1));
    cases.add(room.replace(/i/g, 'İ'));
  }
  // 5. SQL-ish strings and LIKE wildcards.
  for (const text of [
    "' OR '1'='1",
    "science-lab' --",
    "science-lab' OR owner != '",
    '" OR ""="',
    "') OR 1=1 --",
    "x'; DROP TABLE recordings; --",
    "x' UNION SELECT * FROM clients --",
    '%',
    '_',
    '%%',
    '*',
    'science%',
    '%lab',
    '%::%',
    'science_lab',
    '_cience-lab',
    '___________',
    "%' OR owner LIKE '%",
    '\\',
    '\\%',
    'NULL',
    'null',
    'undefined',
    '[object Object]',
    '__proto__',
    'constructor',
    'hasOwnProperty',
    '../demo-district/science-lab',
    '..',
    '/',
    'room-101/../science-lab',
    '$ne',
    '{"$ne":null}',
  ]) {
    cases.add(text);
  }
  // 6. Very long ids, up to the limit.
  cases.add('a'.repeat(1024));
  cases.add(`science-lab${'%'.repeat(1013)}`);
  cases.add('é'.repeat(1024));
  // Anything that happens to be the caller's own room is not an attack on others.
  for (const room of caller.rooms) cases.delete(room);
  return [...cases];
}

type Answer = { status: number; headers: Record<string, unknown>; body: string };

async function ask(caller: Tenant, roomBody: string, viaSession: boolean): Promise<Answer> {
  const body = viaSession ? `{"room_id":${roomBody}}` : `{"client_id":${JSON.stringify(caller.credentials.client_id)},"auth_key":${JSON.stringify(caller.credentials.auth_key)},"room_id":${roomBody}}`;
  const res = await rawRequest(app.port, {
    path: viaSession ? '/api/videos' : '/get/videos',
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(viaSession ? { Cookie: caller.cookie } : {}) },
    body,
  });
  const { date: _date, ...headers } = res.headers;
  return { status: res.status, headers, body: res.body.toString('utf8') };
}

let tried = 0;

describe('tenant isolation', () => {
  it('the rooms attacked really hold recordings for their owners (positive control)', async () => {
    for (const tenant of tenants) {
      for (const room of tenant.rooms) expect((await roomRecordings(app.url, tenant.credentials, room)).length, `${tenant.name} ${room}`).toBeGreaterThan(0);
    }
  });

  it.each(['/get/videos', '/api/videos'])('on %s, every room id tried answers exactly like a room that does not exist', async (path) => {
    const viaSession = path === '/api/videos';
    for (const caller of tenants) {
      const missing = await ask(caller, JSON.stringify(`no-such-room-${caller.name}`), viaSession);
      expect(missing.status).toBe(200);
      expect(missing.body).toBe('{"status":true,"obj":{"recordings":[]}}');
      for (const room of attacks(caller)) {
        const answer = await ask(caller, JSON.stringify(room), viaSession);
        expect(answer, `${caller.name} asking for ${JSON.stringify(room)}`).toEqual(missing);
        tried += 1;
      }
      // The same ids, spelled with JSON escapes, and sent twice (the last one wins, as in JSON.parse).
      for (const room of attacks(caller).slice(0, 20)) {
        const escaped = `"${[...room].map((ch) => `\\u${ch.codePointAt(0)!.toString(16).padStart(4, '0').slice(-4)}`).join('')}"`;
        if ([...room].some((ch) => ch.codePointAt(0)! > 0xffff)) continue;
        expect(await ask(caller, escaped, viaSession), `${caller.name} escaped ${room}`).toEqual(missing);
        expect(await ask(caller, `"mine", "room_id": ${JSON.stringify(room)}`, viaSession)).toEqual(missing);
        tried += 2;
      }
    }
  });

  it('an over-long id is refused the same way whoever owns a room of that name', async () => {
    for (const caller of tenants) {
      const refused = await ask(caller, JSON.stringify('x'.repeat(1025)), false);
      expect(refused.status).toBe(400);
      expect(await ask(caller, JSON.stringify(`science-lab${'x'.repeat(1014)}`), false)).toEqual(refused);
      tried += 1;
    }
  });

  it("no tenant's full list holds another tenant's recording", () => {
    for (const a of tenants) {
      for (const b of tenants) {
        if (a === b) continue;
        expect([...a.ids].filter((id) => b.ids.has(id))).toEqual([]);
      }
    }
  });

  it('tried a meaningful number of cases', () => {
    expect(tried).toBeGreaterThan(500);
    const distinct = tenants.map((tenant) => `${tenant.name} ${attacks(tenant).length}`).join(', ');
    console.log(`tenant isolation: ${tried} requests, 0 leaks; distinct room ids per caller: ${distinct}`);
  });
});
