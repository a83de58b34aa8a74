import { ApiError, errorFromResponse } from './api-error';
import { config } from './config';
import { readDirectCredentials, type DirectCredentials } from './direct-credentials';

/**
 * The one place that talks HTTP to the dashboard's API. It throws `ApiError`s only, never logs
 * and never echoes what it sent: credentials go in request bodies only (never a URL), and
 * anything the server says back is cleaned of them (`secrets`).
 */

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Values that must never appear in an error built from the answer (the auth key). */
  secrets?: readonly string[];
}

const MAX_ERROR_BODY = 64 * 1024;

/** Absolute, so the same code works in the page, in the worker and in tests. */
export function apiUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return new URL(`${config.apiBase}${path}`, globalThis.location?.href ?? 'http://localhost/').toString();
}

export async function apiFetch(path: string, options: ApiRequestOptions = {}): Promise<Response> {
  const { method = 'GET', body, signal, timeoutMs = config.headersTimeoutMs, secrets = [] } = options;
  const url = apiUrl(path);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signals = signal ? [signal, timeout.signal] : [timeout.signal];
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      // Direct mode calls another origin, with the key in the body: no cookies either way.
      credentials: config.apiMode === 'direct' ? 'omit' : 'same-origin',
      // A referrer would tell the API host which dashboard page was open; it has no need to know.
      referrerPolicy: 'no-referrer',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.signal.aborted) {
      throw new ApiError({
        kind: 'timeout',
        message: `The recordings API did not answer in time (nothing within ${Math.round(timeoutMs / 1000)} s). Try again in a moment.`,
      });
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new ApiError({ kind: 'offline', message: 'You are offline. The list will load when the connection is back.' });
    }
    throw new ApiError({ kind: 'network', message: `Could not reach ${whom()}. Check the connection and try again.` });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    throw errorFromResponse(response.status, await readStart(response), response.headers.get('Retry-After'), secrets);
  }
  return response;
}

function whom(): string {
  if (config.apiMode !== 'direct' || !config.recordingsApiUrl) return 'the dashboard server';
  return `the recordings API at ${new URL(config.recordingsApiUrl).host}`;
}

/** The first bytes of a body, for error messages: never the whole of a huge answer. */
export async function readStart(response: Response, limit = MAX_ERROR_BODY): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < limit) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // a broken error body still has a status code to go on
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return text.slice(0, limit);
}

/** Reads a small JSON answer (session endpoints, sign-in checks). */
export async function apiJson<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    const what = /^\s*</.test(text) ? 'a web page instead of data' : text.trim() === '' ? 'an empty answer' : 'an answer that is not JSON';
    throw new ApiError({ kind: 'malformed', message: `The ${config.apiMode === 'direct' ? 'recordings API' : 'dashboard server'} sent ${what}.` });
  }
}

/** One `POST /get/videos`-shaped call: where it goes, what it carries, what must not leak. */
export interface RecordingsCall {
  url: string;
  body: Record<string, string>;
  secrets: string[];
}

/**
 * Server mode: the dashboard server's `/api/videos`, which adds the key from the session cookie.
 * Direct mode: the API's own `/get/videos` with the key in the body. `credentials` are passed in
 * where sessionStorage is out of reach (the recordings worker); otherwise they are read here.
 */
export function recordingsCall(roomId?: string, credentials?: DirectCredentials | null): RecordingsCall {
  const room: Record<string, string> = roomId === undefined ? {} : { room_id: roomId };
  if (config.apiMode !== 'direct') return { url: apiUrl('/api/videos'), body: room, secrets: [] };
  if (!config.recordingsApiUrl) throw new ApiError({ kind: 'config', message: config.problem ?? 'The recordings API address is not set.' });
  const own = credentials ?? readDirectCredentials();
  if (!own) throw new ApiError({ kind: 'auth', message: 'Your session ended. Sign in again to continue.' });
  return {
    url: `${config.recordingsApiUrl}/get/videos`,
    body: { client_id: own.clientId, auth_key: own.authKey, ...room },
    secrets: [own.authKey],
  };
}
