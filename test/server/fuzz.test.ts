/**
 * Any JSON shape gets a 4xx (or a correct 200), never a 5xx. 1,500 request bodies from a seeded
 * PRNG (so a failure replays exactly): random nesting and types, huge strings, unicode (lone
 * surrogates, controls, direction marks), prototype-pollution keys, duplicate keys, numbers such
 * as 1e309 and -0, and broken JSON, sent to all three JSON endpoints. Afterwards the server must
 * still answer correctly and no prototype in this process may be polluted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SeededRandom } from '../../server/seeded-random.ts';
import { SCHOOL, allRecordings, postJson, rawRequest, roomRecordings, startTestServer, type TestServer } from './harness.ts';

const SEED = 0x5eed_2024;
const BODIES = 1_500;

let app: TestServer;
let cookie: string;

beforeAll(async () => {
  app = await startTestServer({ authFailureLimit: 1_000_000 });
  const login = await postJson(`${app.url}/api/session`, SCHOOL);
  cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
});

afterAll(async () => {
  await app.close();
});

class BodyGenerator {
  constructor(private readonly random: SeededRandom) {}

  private string(): string {
    const r = this.random;
    const kind = r.weighted({ ascii: 30, unicode: 20, escapes: 15, huge: 3, empty: 5, room: 15, key: 12 });
    if (kind === 'empty') return '""';
    if (kind === 'huge') return JSON.stringify(r.pick(['x', 'é', '🎥', '\\']).repeat(r.int(10_000, 70_000)));
    if (kind === 'room') return JSON.stringify(r.pick(['room-101', 'science-lab', 'Salle 12 é', 'annex::studio-2', '%', '_', "' OR 1=1 --", 'a'.repeat(1025)]));
    if (kind === 'key') return JSON.stringify(r.pick([SCHOOL.auth_key, SCHOOL.client_id, 'demo-district', '__proto__', 'constructor']));
    if (kind === 'escapes') {
      let text = '"';
      for (let i = r.int(1, 12); i > 0; i -= 1) {
        // Lone surrogates, NUL and other controls, BOM, direction overrides, plain letters.
        text += r.pick(['\\ud800', '\\udfff', '\\u0000', '\\u001f', '\\ufeff', '\\u202e', '\\u2028', '\\n', '\\"', '\\\\', '\\/', 'a']);
      }
      return `${text}"`;
    }
    const alphabet = kind === 'ascii' ? 'abcdefghijklmnopqrstuvwxyz0123456789-_:.%/ ' : 'éß中文😀\u00a0\u0301ÅΩ𝔘';
    const chars = [...alphabet];
    let text = '';
    for (let i = r.int(0, 40); i > 0; i -= 1) text += r.pick(chars);
    return JSON.stringify(text);
  }

  private number(): string {
    return this.random.pick(['0', '-0', '1', '-1', '3.14', '1e309', '-1e309', '1e-400', '123456789012345678901234567890', '9007199254740993', '0.1e1', '-0.0', '2e+308']);
  }

  private key(): string {
    return JSON.stringify(
      this.random.pick(['client_id', 'auth_key', 'room_id', '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'status', 'obj', '', ' ', 'é', 'a'.repeat(300)]),
    );
  }

  value(depth: number): string {
    const r = this.random;
    if (depth > 6) return r.pick(['null', 'true', '0', '""']);
    const kind = r.weighted({ string: 30, number: 15, bool: 8, null: 8, array: 12, object: 15, deep: 2 });
    if (kind === 'string') return this.string();
    if (kind === 'number') return this.number();
    if (kind === 'bool') return r.pick(['true', 'false']);
    if (kind === 'null') return 'null';
    if (kind === 'deep') {
      const levels = r.int(100, 3_000);
      const [open, close] = r.chance(0.5) ? ['[', ']'] : ['{"a":', '}'];
      return `${open.repeat(levels)}${this.value(7)}${close.repeat(levels)}`;
    }
    if (kind === 'array') {
      const items: string[] = [];
      for (let i = r.int(0, 5); i > 0; i -= 1) items.push(this.value(depth + 1));
      return `[${items.join(',')}]`;
    }
    const members: string[] = [];
    for (let i = r.int(0, 5); i > 0; i -= 1) members.push(`${this.key()}:${this.value(depth + 1)}`);
    return `{${members.join(',')}}`;
  }

  /** A whole request body: mostly contract-shaped objects with odd members, some not JSON at all. */
  body(): string {
    const r = this.random;
    const kind = r.weighted({ valid: 35, typed: 30, stranger: 12, toplevel: 10, broken: 13 });
    const extras: string[] = [];
    for (let i = r.int(0, 3); i > 0; i -= 1) extras.push(`${this.key()}:${this.value(1)}`);
    const credentials = `"client_id":${JSON.stringify(SCHOOL.client_id)},"auth_key":${JSON.stringify(SCHOOL.auth_key)}`;
    if (kind === 'valid') {
      // Right credentials, then anything: the room id and the extras are what is being fuzzed.
      const room = r.chance(0.8) ? [`"room_id":${this.value(1)}`] : [];
      return `{${[credentials, ...room, ...extras].join(',')}}`;
    }
    if (kind === 'typed') {
      return `{${[`"client_id":${this.value(1)}`, `"auth_key":${this.value(1)}`, `"room_id":${this.value(1)}`, ...extras].join(',')}}`;
    }
    if (kind === 'stranger') {
      return `{"client_id":${this.string()},"auth_key":${this.string()}${extras.length ? `,${extras.join(',')}` : ''}}`;
    }
    if (kind === 'toplevel') return this.value(0);
    const whole = `{${[credentials, `"room_id":${this.value(1)}`, ...extras].join(',')}}`;
    return r.pick([
      whole.slice(0, r.int(0, whole.length - 1)),
      whole.replace(':', ''),
      `${whole},`,
      `${whole}${whole}`,
      whole.replaceAll('"', "'"),
      `\ufeff${whole}`,
      `NaN`,
      `{"a":01}`,
      `{"a":1.}`,
      `{"a":"\\x41"}`,
      `{"a":"${'\\'.repeat(r.int(1, 9))}"}`,
      String.fromCharCode(...Array.from({ length: r.int(1, 64) }, () => r.int(0, 255))),
    ]);
  }
}

describe('fuzzing the JSON endpoints', () => {
  it(`answers ${BODIES} generated bodies without a single 5xx, then still answers correctly`, async () => {
    const random = new SeededRandom(SEED);
    const generator = new BodyGenerator(random);
    const statuses = new Map<number, number>();
    const serverErrors: string[] = [];
    const jobs = Array.from({ length: BODIES }, (_, index) => {
      const body = generator.body();
      const path = random.pick(['/get/videos', '/get/videos', '/api/session', '/api/videos']);
      const headers: Record<string, string> = { 'Content-Type': random.pick(['application/json', 'application/json; charset=utf-8', 'Application/JSON']) };
      if (path === '/api/videos' && random.chance(0.8)) headers.Cookie = cookie;
      return { index, body, path, headers };
    });
    // A few at a time: enough to overlap key checks, few enough to stay polite on a CI box.
    const queue = [...jobs];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const res = await rawRequest(app.port, { path: job.path, method: 'POST', headers: job.headers, body: job.body });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) serverErrors.push(`#${job.index} ${job.path} ${res.status}: ${job.body.slice(0, 200)}`);
          if (res.status === 200 && job.path !== '/api/session') {
            const answer = JSON.parse(res.body.toString('utf8')) as { status: unknown };
            if (answer.status !== true) serverErrors.push(`#${job.index} 200 without status true`);
          }
          if (res.status >= 400) {
            // Every refusal is the contract's JSON error, never a stack or an echo of the body.
            const answer = JSON.parse(res.body.toString('utf8')) as { status: unknown; message: unknown };
            if (answer.status !== false || typeof answer.message !== 'string') serverErrors.push(`#${job.index} odd error body`);
            if (String(answer.message).includes(SCHOOL.auth_key)) serverErrors.push(`#${job.index} echoed the key`);
          }
        }
      }),
    );
    const histogram = [...statuses.entries()].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(' ');
    console.log(`fuzz: ${BODIES} bodies (seed ${SEED}); statuses ${histogram}; 5xx ${serverErrors.length}`);
    expect(serverErrors).toEqual([]);
    expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(BODIES);
    // The generator reached past validation: successes, refusals of types, of JSON, of size.
    for (const status of [200, 400, 401, 413]) expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(5);

    for (const probe of [{}, [], Object.prototype, Array.prototype, Function.prototype] as object[]) {
      for (const name of ['polluted', 'client_id', 'auth_key', 'room_id', 'a', 'isAdmin']) {
        expect((probe as Record<string, unknown>)[name], name).toBeUndefined();
      }
    }
    expect(await allRecordings(app.url, SCHOOL)).toHaveLength(320);
    expect((await roomRecordings(app.url, SCHOOL, 'Salle 12 é')).length).toBeGreaterThan(0);
    expect((await postJson(`${app.url}/api/videos`, { room_id: 'gym' }, { Cookie: cookie })).status).toBe(200);
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
  }, 120_000);
});
