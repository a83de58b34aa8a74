import { mkdirSync } from 'node:fs';
import path from 'node:path';

export type LogLevel = 'silent' | 'error' | 'info';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  distDir: string;
  mediaDir: string;
  /** Absolute origin (no trailing slash) used to build media URLs; otherwise taken from the request. */
  publicUrl: string | null;
  /** Upstream base URL without trailing slash; requests go to `${recordingsApiUrl}/get/videos`. */
  recordingsApiUrl: string | null;
  sessionSecret: string | null;
  seedRecordings: number;
  logLevel: LogLevel;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

const MAX_SEED_RECORDINGS = 1_000_000;

/** Reads the environment into a typed config; throws ConfigError with a message fit for a human. */
export function loadConfig(env: Env = process.env, defaults: { port?: number } = {}): ServerConfig {
  const dataDir = path.resolve(nonEmpty(env, 'DATA_DIR') ?? './data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ConfigError(`DATA_DIR ${dataDir} cannot be created: ${(error as Error).message}`);
  }
  return {
    port: integerVar(env, 'PORT', defaults.port ?? 4173, 0, 65_535),
    host: nonEmpty(env, 'HOST') ?? '127.0.0.1',
    dataDir,
    distDir: path.resolve(nonEmpty(env, 'DIST_DIR') ?? './dist'),
    mediaDir: path.resolve(nonEmpty(env, 'MEDIA_DIR') ?? 'server/media/files'),
    publicUrl: originVar(env, 'PUBLIC_URL'),
    recordingsApiUrl: baseUrlVar(env, 'RECORDINGS_API_URL'),
    sessionSecret: secretVar(env, 'SESSION_SECRET'),
    seedRecordings: integerVar(env, 'SEED_RECORDINGS', 320, 0, MAX_SEED_RECORDINGS),
    logLevel: logLevelVar(env),
  };
}

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function integerVar(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return Number(raw);
}

function parseHttpUrl(name: string, raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name} must use http or https, got "${raw}"`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`${name} must not contain credentials, a query or a fragment`);
  }
  return url;
}

function originVar(env: Env, name: string): string | null {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return null;
  const url = parseHttpUrl(name, raw);
  if (url.pathname !== '/') {
    throw new ConfigError(`${name} must be an origin such as https://recordings.example.com (no path), got "${raw}"`);
  }
  return url.origin;
}

function baseUrlVar(env: Env, name: string): string | null {
  const raw = nonEmpty(env, name);
  if (raw === undefined) return null;
  const url = parseHttpUrl(name, raw);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function secretVar(env: Env, name: string): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  if (raw.length < 32) throw new ConfigError(`${name} must be at least 32 characters long`);
  return raw;
}

function logLevelVar(env: Env): LogLevel {
  const raw = nonEmpty(env, 'LOG_LEVEL') ?? 'info';
  if (raw === 'silent' || raw === 'error' || raw === 'info') return raw;
  throw new ConfigError(`LOG_LEVEL must be one of silent, error, info, got "${raw}"`);
}
