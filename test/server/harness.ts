import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createApp } from '../../server/app.ts';
import type { ServerConfig } from '../../server/config.ts';
import { seedDemoData } from '../../server/demo-data.ts';
import { RecordingsStore } from '../../server/store.ts';

export const SCHOOL = { client_id: 'demo-school', auth_key: 'demo-school-key' };
export const DISTRICT = { client_id: 'demo-district', auth_key: 'demo-district-key' };
export const TEACHMINT = { client_id: 'teachmint', auth_key: 'teachmint-example-key' };

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  store?: RecordingsStore;
  close(): Promise<void>;
}

export interface TestServerOptions extends Partial<ServerConfig> {
  authFailureLimit?: number;
  upstreamTimeoutMs?: number;
}

/** The real app on an ephemeral port, with a fresh temp DATA_DIR (seeded unless proxying). */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { authFailureLimit, upstreamTimeoutMs, ...overrides } = options;
  const ownDataDir = overrides.dataDir === undefined;
  const dataDir = overrides.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'rd-server-test-')));
  const config: ServerConfig = {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    distDir: path.join(dataDir, 'no-dist'),
    mediaDir: path.join(dataDir, 'no-media'),
    publicUrl: null,
    recordingsApiUrl: null,
    sessionSecret: 'test-session-secret-that-is-long-enough',
    seedRecordings: 320,
    logLevel: 'silent',
    ...overrides,
  };
  const store = config.recordingsApiUrl ? undefined : RecordingsStore.open(dataDir);
  if (store?.isEmpty()) await seedDemoData(store, { schoolRecordings: config.seedRecordings });
  const server = createApp({
    config,
    store,
    sessionSecret: config.sessionSecret ?? 'unused',
    authFailureLimit,
    upstreamTimeoutMs,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    dataDir,
    store,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      store?.close();
      if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/**
 * A request through node:http, which sends the path and headers exactly as given (fetch would
 * normalise `/media/../x` and refuses some headers, e.g. Connection). Gzip bodies are inflated.
 */
export function rawRequest(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export type Recording = Record<string, unknown>;

export async function allRecordings(url: string, credentials: object): Promise<Recording[]> {
  const res = await postJson(`${url}/get/videos`, credentials);
  const body = (await res.json()) as { status: boolean; obj: Recording[] };
  if (res.status !== 200 || !Array.isArray(body.obj)) throw new Error(`unexpected answer ${res.status}`);
  return body.obj;
}

export async function roomRecordings(url: string, credentials: object, roomId: string): Promise<Recording[]> {
  const res = await postJson(`${url}/get/videos`, { ...credentials, room_id: roomId });
  const body = (await res.json()) as { status: boolean; obj: { recordings: Recording[] } };
  if (res.status !== 200) throw new Error(`unexpected answer ${res.status}`);
  return body.obj.recordings;
}

export function roomOf(record: Recording): string {
  const classId = String(record.class_id);
  return classId.slice(classId.indexOf('::') + 2);
}
