/**
 * Every failure the recordings API can produce, decided once. Messages are written for a
 * teacher or a school admin, never contain request bodies or credentials, and say what to do.
 */
export type ApiErrorKind =
  | 'auth' // 401, or {"status": false} on a credentials request: sign in again
  | 'forbidden' // 403
  | 'not-found' // 404: wrong API address
  | 'rate-limited' // 429
  | 'server' // 5xx or a proxy error page
  | 'timeout' // no answer in time
  | 'network' // the request never got an answer
  | 'offline' // the browser says it is offline
  | 'rejected' // {"status": false, "message": ...} for any other reason
  | 'malformed'; // an answer that is not the documented JSON

export interface ApiErrorShape {
  kind: ApiErrorKind;
  message: string;
  status?: number;
  retryAfterMs?: number;
  detail?: string;
}

export class ApiError extends Error implements ApiErrorShape {
  readonly kind: ApiErrorKind;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /** Extra words for a "details" disclosure: what the server said, never what we sent. */
  readonly detail?: string;

  constructor(shape: ApiErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.kind = shape.kind;
    this.status = shape.status;
    this.retryAfterMs = shape.retryAfterMs;
    this.detail = shape.detail;
  }

  toJSON(): ApiErrorShape {
    return {
      kind: this.kind,
      message: this.message,
      status: this.status,
      retryAfterMs: this.retryAfterMs,
      detail: this.detail,
    };
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

/** Worth another try: the same request may well succeed a moment later. */
export function isRetryable(error: unknown): boolean {
  if (!isApiError(error)) return false;
  return ['network', 'timeout', 'server', 'rate-limited', 'offline'].includes(error.kind);
}

const MAX_DETAIL = 300;

/** Turns a non-2xx answer into words. `bodyText` is the start of the body, if any. */
export function errorFromResponse(status: number, bodyText: string, retryAfter: string | null): ApiError {
  const serverMessage = messageFromBody(bodyText);
  const looksLikeHtml = /^\s*</.test(bodyText);
  const detail = serverMessage ?? (looksLikeHtml ? 'The answer was an HTML page, not JSON.' : undefined);

  if (status === 401) {
    return new ApiError({ kind: 'auth', status, detail, message: 'Your sign-in is no longer valid. Please sign in again.' });
  }
  if (status === 403) {
    return new ApiError({ kind: 'forbidden', status, detail, message: 'The recordings API refused access to these recordings (403).' });
  }
  if (status === 404) {
    return new ApiError({ kind: 'not-found', status, detail, message: 'The recordings API address was not found (404). Check the API URL setting.' });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    const wait = retryAfterMs ? ` Try again in ${Math.ceil(retryAfterMs / 1000)} s.` : ' Try again in a moment.';
    return new ApiError({ kind: 'rate-limited', status, retryAfterMs, detail, message: `Too many requests to the recordings API.${wait}` });
  }
  if (status === 504 || status === 408) {
    return new ApiError({ kind: 'timeout', status, detail, message: 'The recordings API took too long to answer.' });
  }
  if (status === 502 || status === 503) {
    return new ApiError({ kind: 'server', status, detail, message: 'The recordings API is unreachable or unavailable right now.' });
  }
  if (status >= 500) {
    return new ApiError({ kind: 'server', status, detail, message: `The recordings API had an internal error (${status}).` });
  }
  if (serverMessage) {
    return new ApiError({ kind: 'rejected', status, detail, message: `The recordings API rejected the request: ${serverMessage}` });
  }
  return new ApiError({ kind: 'rejected', status, detail, message: `The recordings API rejected the request (${status}).` });
}

/** Reads `message` out of a `{"status": false, "message": "..."}` body, if there is one. */
export function messageFromBody(bodyText: string): string | undefined {
  try {
    const value: unknown = JSON.parse(bodyText);
    if (value && typeof value === 'object' && 'message' in value) {
      const message = (value as { message: unknown }).message;
      if (typeof message === 'string' && message.trim() !== '') return clip(message.trim());
    }
  } catch {
    // not JSON: the caller describes it
  }
  return undefined;
}

export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds, 3600) * 1000;
  const date = Date.parse(header);
  if (Number.isFinite(date)) return Math.max(0, Math.min(date - now, 3_600_000));
  return undefined;
}

export function clip(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}
