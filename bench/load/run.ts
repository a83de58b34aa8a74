/**
 * Load test for the reference server: a benchmark, not a test (it prints figures and gates
 * nothing). Starts `server/main.ts` in a child process on 127.0.0.1 with a temp DATA_DIR, then
 * from this process sends an open-loop stream of requests at LOAD_RPS for LOAD_SECONDS:
 *
 *   /get/videos room queries (the contract, key in the body)     35 %
 *   /api/videos with a session cookie (whole list or a room)     25 %
 *   /media range requests, as a seeking player makes them         30 %
 *   bad sign-ins on /api/session (401, then throttled 429)        10 %
 *
 * The bad sign-ins come from another loopback address (127.0.0.2), as a guesser would come from
 * another machine: failed sign-ins are throttled per client id + IP, and a guesser on the same
 * address as the school would (rightly) get the school's own requests refused too.
 *
 * It records status counts, latency percentiles, errors (network failures and any status a kind
 * should not get) and the server's RSS every 5 s from /proc/<pid>/status, prints a table, writes
 * bench/out/load-<time>.json, and stops the server. Bounded: at most LOAD_RPS × LOAD_SECONDS
 * requests and LOAD_MAX_IN_FLIGHT at once; whatever is still open 15 s after the end is abandoned.
 *
 *   npx tsx bench/load/run.ts
 *   LOAD_SECONDS=10 LOAD_RPS=100 npx tsx bench/load/run.ts
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setMaxListeners } from 'node:events';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SeededRandom } from '../../server/seeded-random.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function numberFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) throw new Error(`${name} must be a number from ${min} to ${max}, got "${raw}"`);
  return value;
}

const SECONDS = numberFromEnv('LOAD_SECONDS', 60, 1, 3600);
const RPS = numberFromEnv('LOAD_RPS', 300, 1, 5000);
const MAX_IN_FLIGHT = numberFromEnv('LOAD_MAX_IN_FLIGHT', 256, 1, 10_000);
const SEED_RECORDINGS = numberFromEnv('LOAD_SEED_RECORDINGS', 320, 0, 100_000);
const SAMPLE_EVERY_MS = 5_000;
const WARM_UP_SECONDS = 15;
const DRAIN_MS = 15_000;

type Kind = 'room query' | 'session list' | 'media range' | 'bad sign-in';
const EXPECTED: Record<Kind, number[]> = {
  'room query': [200],
  'session list': [200],
  'media range': [206, 200],
  'bad sign-in': [401, 429],
};

const ACCOUNTS = [
  { client_id: 'demo-school', auth_key: 'demo-school-key' },
  { client_id: 'demo-district', auth_key: 'demo-district-key' },
  { client_id: 'teachmint', auth_key: 'teachmint-example-key' },
];
const MEDIA = ['physics-waves.mp4', 'algebra-basics.mp4', 'history-rome.mp4', 'chemistry-portrait.mp4', 'physics-waves.webm'];

// ---------------------------------------------------------------------------------------------

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function rssKb(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

interface Started {
  child: ChildProcess;
  baseUrl: string;
  dataDir: string;
  serverErrors: () => string;
}

async function startServer(): Promise<Started> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rd-load-'));
  const port = await freePort();
  // node itself (not an npx/tsx wrapper), so the pid is the server's own for /proc.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DIST_DIR: path.join(dataDir, 'no-dist'),
      LOG_LEVEL: 'error',
      SEED_RECORDINGS: String(SEED_RECORDINGS),
      SESSION_SECRET: 'load-test-session-secret-of-enough-length',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    if (stderr.length < 100_000) stderr += chunk.toString();
  });
  child.stdout?.resume();
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${stderr}`);
    const ok = await fetch(`${baseUrl}/healthz`).then((res) => res.status === 200, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error(`server did not start within 60 s:\n${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { child, baseUrl, dataDir, serverErrors: () => stderr };
}

async function stopServer(started: Started): Promise<void> {
  const { child } = started;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 12_000);
    await exited;
    clearTimeout(timer);
  }
  await rm(started.dataDir, { recursive: true, force: true });
}

// ---------------------------------------------------------------------------------------------

/** Where the guesser's requests come from: another address on the loopback network (Linux routes 127/8 to lo). */
const ATTACKER_ADDRESS = '127.0.0.2';

interface Plan {
  kind: Kind;
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

interface Context {
  baseUrl: string;
  port: number;
  cookies: string[];
  rooms: string[][];
  mediaSizes: Map<string, number>;
}

async function prepare(baseUrl: string): Promise<Context> {
  const cookies: string[] = [];
  const rooms: string[][] = [];
  for (const account of ACCOUNTS) {
    const login = await fetch(`${baseUrl}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) });
    if (login.status !== 200) throw new Error(`sign-in as ${account.client_id} answered ${login.status}`);
    cookies.push((login.headers.get('set-cookie') ?? '').split(';')[0]!);
    const list = await fetch(`${baseUrl}/get/videos`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(account) });
    const body = (await list.json()) as { obj: { class_id: string }[] };
    rooms.push([...new Set(body.obj.map((record) => record.class_id.slice(record.class_id.indexOf('::') + 2)))]);
  }
  const mediaSizes = new Map<string, number>();
  for (const file of MEDIA) {
    const head = await fetch(`${baseUrl}/media/${file}`, { method: 'HEAD' });
    mediaSizes.set(file, Number(head.headers.get('content-length')));
  }
  return { baseUrl, port: Number(new URL(baseUrl).port), cookies, rooms, mediaSizes };
}

function plan(random: SeededRandom, context: Context): Plan {
  const kind = random.weighted<Kind>({ 'room query': 35, 'session list': 25, 'media range': 30, 'bad sign-in': 10 });
  const json = { 'Content-Type': 'application/json', 'Accept-Encoding': 'gzip' };
  const tenant = random.int(0, ACCOUNTS.length - 1);
  if (kind === 'room query') {
    // Mostly real rooms; now and then one that does not exist (the same cheap empty answer).
    const room = random.chance(0.9) ? random.pick(context.rooms[tenant]!) : `no-such-room-${random.int(1, 50)}`;
    return { kind, path: '/get/videos', method: 'POST', headers: json, body: JSON.stringify({ ...ACCOUNTS[tenant], room_id: room }) };
  }
  if (kind === 'session list') {
    const body = random.chance(0.5) ? {} : { room_id: random.pick(context.rooms[tenant]!) };
    return { kind, path: '/api/videos', method: 'POST', headers: { ...json, Cookie: context.cookies[tenant]! }, body: JSON.stringify(body) };
  }
  if (kind === 'media range') {
    const file = random.pick(MEDIA);
    const size = context.mediaSizes.get(file)!;
    const start = random.int(0, size - 1);
    const range = random.chance(0.1) ? `bytes=-${random.int(1, 65_536)}` : random.chance(0.2) ? `bytes=${start}-` : `bytes=${start}-${Math.min(size - 1, start + random.int(0, 262_143))}`;
    return { kind, path: `/media/${file}`, method: 'GET', headers: { Range: range } };
  }
  // A handful of guessed client ids: each is throttled after 10 failures a minute.
  const body = { client_id: random.pick(['demo-school', 'intruder-1', 'intruder-2', 'intruder-3']), auth_key: `guess-${random.int(1, 1e9)}` };
  return { kind, path: '/api/session', method: 'POST', headers: json, body: JSON.stringify(body) };
}

// ---------------------------------------------------------------------------------------------

interface Result {
  kind: Kind;
  status: number | 'error';
  ms: number;
  bytes: number;
  error?: string;
}

/** node:http with a keep-alive agent: the load generator's own overhead stays small and known. */
function send(agents: { school: http.Agent; attacker: http.Agent }, port: number, item: Plan, signal: AbortSignal): Promise<Result> {
  const agent = item.kind === 'bad sign-in' ? agents.attacker : agents.school;
  const started = performance.now();
  return new Promise((resolve) => {
    const fail = (error: NodeJS.ErrnoException) =>
      resolve({ kind: item.kind, status: 'error', ms: performance.now() - started, bytes: 0, error: error.code ?? error.name });
    const req = http.request({ host: '127.0.0.1', port, agent, path: item.path, method: item.method, headers: item.headers, signal }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ kind: item.kind, status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.end(item.body);
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => String(row[column]).length)));
  return rows.map((row) => row.map((cell, column) => (column === 0 ? String(cell).padEnd(widths[column]!) : String(cell).padStart(widths[column]!))).join('  ')).join('\n');
}

async function main(): Promise<void> {
  // Keep-alive, and enough sockets for the in-flight limit.
  const agents = {
    school: new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT }),
    attacker: new http.Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT, localAddress: ATTACKER_ADDRESS }),
  };
  console.log(`Load test: ${RPS} requests/s for ${SECONDS} s (at most ${MAX_IN_FLIGHT} in flight), ${SEED_RECORDINGS} school recordings`);
  const server = await startServer();
  const pid = server.child.pid!;
  const memory: { second: number; rssMb: number }[] = [];
  const results: Result[] = [];
  let dropped = 0;
  try {
    const context = await prepare(server.baseUrl);
    const random = new SeededRandom(20_240_917);
    const stop = new AbortController();
    // Every request in flight listens for the final abort.
    setMaxListeners(MAX_IN_FLIGHT + 10, stop.signal);
    const inFlight = new Set<Promise<void>>();
    const startedAt = performance.now();
    let planned = 0;
    let nextSample = 0;
    const sample = () => {
      const kb = rssKb(pid);
      if (kb !== null) memory.push({ second: Math.round((performance.now() - startedAt) / 1000), rssMb: Math.round(kb / 102.4) / 10 });
    };

    while (performance.now() - startedAt < SECONDS * 1000) {
      const elapsed = performance.now() - startedAt;
      if (elapsed >= nextSample) {
        sample();
        nextSample += SAMPLE_EVERY_MS;
      }
      // Open loop: the schedule does not wait for answers; a saturated client drops instead.
      const due = Math.min(Math.floor((elapsed / 1000) * RPS), RPS * SECONDS);
      while (planned < due) {
        planned += 1;
        if (inFlight.size >= MAX_IN_FLIGHT) {
          dropped += 1;
          continue;
        }
        const request = send(agents, context.port, plan(random, context), stop.signal).then((result) => {
          results.push(result);
          inFlight.delete(request);
        });
        inFlight.add(request);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const drained = await Promise.race([
      Promise.all(inFlight).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), DRAIN_MS)),
    ]);
    if (!drained) stop.abort();
    await Promise.allSettled(inFlight);
    sample();
    const healthy = await fetch(`${server.baseUrl}/get/videos`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ACCOUNTS[0]),
    }).then(async (res) => res.status === 200 && ((await res.json()) as { obj: unknown[] }).obj.length === SEED_RECORDINGS, () => false);
    report(results, memory, dropped, planned, healthy, server.serverErrors());
  } finally {
    agents.school.destroy();
    agents.attacker.destroy();
    await stopServer(server);
  }
}

function report(results: Result[], memory: { second: number; rssMb: number }[], dropped: number, planned: number, healthy: boolean, serverErrors: string) {
  const kinds = Object.keys(EXPECTED) as Kind[];
  const rows: (string | number)[][] = [['kind', 'requests', 'statuses', 'unexpected', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'MB in']];
  const summarize = (label: string, items: Result[], expected: (status: number) => boolean) => {
    const latencies = items.map((item) => item.ms).sort((a, b) => a - b);
    const statuses = new Map<string, number>();
    for (const item of items) statuses.set(String(item.status), (statuses.get(String(item.status)) ?? 0) + 1);
    const errors = items.filter((item) => item.status === 'error').length;
    const unexpected = items.filter((item) => item.status !== 'error' && !expected(item.status)).length;
    rows.push([
      label,
      items.length,
      [...statuses.entries()].sort().map(([status, count]) => `${status}×${count}`).join(' '),
      unexpected,
      errors,
      percentile(latencies, 50).toFixed(1),
      percentile(latencies, 95).toFixed(1),
      percentile(latencies, 99).toFixed(1),
      (latencies[latencies.length - 1] ?? NaN).toFixed(1),
      (items.reduce((sum, item) => sum + item.bytes, 0) / 1e6).toFixed(1),
    ]);
    return { requests: items.length, errors, unexpected, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), statuses: Object.fromEntries(statuses) };
  };
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, summarize(kind, results.filter((item) => item.kind === kind), (status) => EXPECTED[kind].includes(status))]));
  const all = summarize('all', results, (status) => status < 500);
  const unexpected = Object.values(byKind).reduce((sum, item) => sum + item.unexpected, 0);
  console.log(`\n${table(rows)}\n`);
  console.log(table([['second', ...memory.map((item) => item.second)], ['server RSS MB', ...memory.map((item) => item.rssMb)]]));
  const errorCodes = new Map<string, number>();
  for (const item of results) if (item.status === 'error') errorCodes.set(item.error ?? 'unknown', (errorCodes.get(item.error ?? 'unknown') ?? 0) + 1);
  // The first seconds fill V8's heap and SQLite's cache; growth that matters shows after that.
  const warmAt = Math.min(WARM_UP_SECONDS, SECONDS / 2);
  const warm = memory.find((item) => item.second >= warmAt)?.rssMb ?? NaN;
  const first = memory[0]?.rssMb ?? NaN;
  const last = memory[memory.length - 1]?.rssMb ?? NaN;
  const peak = Math.max(...memory.map((item) => item.rssMb));
  const achieved = results.length / SECONDS;
  console.log(
    `\nsent ${results.length} of ${planned} planned (${achieved.toFixed(0)}/s), dropped by the client limit ${dropped}; ` +
      `errors ${all.errors}${errorCodes.size ? ` (${[...errorCodes].map(([code, count]) => `${code}×${count}`).join(' ')})` : ''}, unexpected statuses ${unexpected}, 5xx ${results.filter((item) => typeof item.status === 'number' && item.status >= 500).length}; ` +
      `RSS ${first} MB at start, ${warm} MB after ${warmAt} s, ${last} MB at the end, ${peak} MB at peak; server still answers correctly: ${healthy ? 'yes' : 'NO'}` +
      (serverErrors.trim() ? `\nserver stderr:\n${serverErrors.trim().slice(0, 2000)}` : ''),
  );
  const outDir = path.join(ROOT, 'bench', 'out');
  mkdirSync(outDir, { recursive: true });
  const file = path.join(outDir, `load-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify({ seconds: SECONDS, rps: RPS, maxInFlight: MAX_IN_FLIGHT, seedRecordings: SEED_RECORDINGS, planned, dropped, healthy, all, byKind, errorCodes: Object.fromEntries(errorCodes), memory, node: process.version, cpus: os.cpus().length }, null, 2),
  );
  console.log(`figures written to ${path.relative(ROOT, file)}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exitCode = 1;
});
