/**
 * Where the dashboard sends its requests, read once from the build's environment.
 *
 * - `server` (the default): the dashboard is served by `server/`, which trades the auth key for
 *   a sealed HttpOnly cookie at sign-in and calls the recordings API for the page. Page script
 *   never holds the key after sign-in.
 * - `direct` (`VITE_API_MODE=direct` + `VITE_RECORDINGS_API_URL`): static files calling the API
 *   themselves. The key lives in sessionStorage for the tab's lifetime and travels in each
 *   request body. See docs/decisions/0004-auth-key-custody.md for what that trade-off means.
 */
export type ApiMode = 'server' | 'direct';

export interface AppConfig {
  apiMode: ApiMode;
  /** Server mode: prefix for the dashboard's own endpoints (`/api/session`, `/api/videos`). */
  apiBase: string;
  /** Direct mode: the API's base URL, without a trailing slash; requests go to `${url}/get/videos`. */
  recordingsApiUrl: string | null;
  /** Set when the build's settings cannot work; shown on the login screen instead of a form that fails. */
  problem: string | null;
  /** No response headers within this time: the request is given up as timed out. */
  headersTimeoutMs: number;
  /** No new bytes within this time while a list streams in: timed out. */
  idleTimeoutMs: number;
}

type Env = Record<string, unknown>;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export function readConfig(env: Env): AppConfig {
  const text = (name: string): string => (typeof env[name] === 'string' ? (env[name] as string).trim() : '');
  const base: AppConfig = {
    apiMode: 'server',
    apiBase: text('VITE_API_BASE'),
    recordingsApiUrl: null,
    problem: null,
    headersTimeoutMs: 30_000,
    idleTimeoutMs: 30_000,
  };
  const mode = text('VITE_API_MODE') || 'server';
  if (mode === 'server') return base;
  if (mode !== 'direct') return { ...base, problem: `VITE_API_MODE must be "server" or "direct", not "${mode}".` };

  const direct: AppConfig = { ...base, apiMode: 'direct' };
  const raw = text('VITE_RECORDINGS_API_URL');
  if (raw === '') return { ...direct, problem: 'VITE_RECORDINGS_API_URL is not set, so there is no recordings API to sign in to.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ...direct, problem: `VITE_RECORDINGS_API_URL is not an absolute URL: "${raw}".` };
  }
  // The key travels in every request body: only over TLS, unless the API is on this machine.
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure || url.username || url.password || url.search || url.hash) {
    return {
      ...direct,
      problem: 'VITE_RECORDINGS_API_URL must be an https:// address without credentials, query or fragment (http:// only for localhost).',
    };
  }
  return { ...direct, recordingsApiUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

export const config: AppConfig = readConfig((import.meta.env ?? {}) as Env);
