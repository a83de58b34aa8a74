import { ApiError, errorFromResponse } from './api-error';
import { config } from './config';

/**
 * The one place that talks HTTP to the dashboard's API. It throws `ApiError`s only, and never
 * logs or echoes what it sent.
 */

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  timeoutMs?: number;
}

const MAX_ERROR_BODY = 64 * 1024;

/** Absolute, so the same code works in the page, in the worker and in tests. */
export function apiUrl(path: string): string {
  return new URL(`${config.apiBase}${path}`, globalThis.location?.href ?? 'http://localhost/').toString();
}

export async function apiFetch(path: string, options: ApiRequestOptions = {}): Promise<Response> {
  const { method = 'GET', body, signal, timeoutMs = config.headersTimeoutMs } = options;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  const signals = signal ? [signal, timeout.signal] : [timeout.signal];
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.any(signals),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    if (timeout.signal.aborted) {
      throw new ApiError({ kind: 'timeout', message: 'The recordings API did not answer in time.' });
    }
    if (typeof navigator !== 'undefined' && navigator.onLine === false) {
      throw new ApiError({ kind: 'offline', message: 'You are offline. The list will load when the connection is back.' });
    }
    throw new ApiError({ kind: 'network', message: 'Could not reach the dashboard server. Check the connection and try again.' });
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok) {
    throw errorFromResponse(response.status, await readStart(response), response.headers.get('Retry-After'));
  }
  return response;
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

/** Reads a small JSON answer (session endpoints). */
export async function apiJson<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const response = await apiFetch(path, options);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError({ kind: 'malformed', message: 'The dashboard server sent an answer that is not JSON.' });
  }
}
