/**
 * Every failure the recordings API can produce, decided once (docs/decisions/0007-error-handling.md).
 * Messages are written for a teacher or a school admin, say what happened and what to do, and
 * never contain request bodies or credentials: whatever the server said is passed through
 * `redact()` with the secrets of the request before it is kept.
 */
export type ApiErrorKind =
  | 'auth' // 401: the session (or the key behind it) no longer works: sign in again
  | 'forbidden' // 403
  | 'not-found' // 404: wrong API address
  | 'rate-limited' // 429
  | 'server' // 5xx
  | 'timeout' // no answer (or no more bytes) in time, or a 504/408 from a proxy
  | 'network' // the request never got an answer
  | 'offline' // the browser says it is offline
  | 'rejected' // {"status": false, ...}, or another 4xx
  | 'malformed' // an answer that is not the documented JSON
  | 'config'; // the dashboard itself is set up wrongly (direct mode without an API address)

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

const RETRYABLE: ReadonlySet<ApiErrorKind> = new Set(['network', 'timeout', 'server', 'rate-limited', 'offline']);

/** Worth another try: the same request may well succeed a moment later. */
export function isRetryable(error: unknown): boolean {
  return isApiError(error) && RETRYABLE.has(error.kind);
}

const MAX_DETAIL = 300;

/**
 * Turns a non-2xx answer into words. `bodyText` is the start of the body, if any; `secrets` are
 * the credentials the request carried (direct mode), cut out of anything the server echoed.
 */
export function errorFromResponse(
  status: number,
  bodyText: string,
  retryAfter: string | null,
  secrets: readonly string[] = [],
): ApiError {
  const serverMessage = messageFromBody(bodyText, secrets);
  const looksLikeHtml = /^\s*</.test(bodyText);
  const detail = serverMessage ?? (looksLikeHtml ? 'The answer was an HTML page, not JSON.' : undefined);

  if (status === 401) {
    return new ApiError({ kind: 'auth', status, detail, message: 'Your session ended. Sign in again to continue.' });
  }
  if (status === 403) {
    return new ApiError({
      kind: 'forbidden',
      status,
      detail,
      message:
        'The recordings API refused access to these recordings (403). Sign in again, or ask whoever manages your school’s account whether this client may still read them.',
    });
  }
  if (status === 404) {
    return new ApiError({
      kind: 'not-found',
      status,
      detail,
      message: 'The recordings API address was not found (404). The dashboard may be set up with the wrong API address: tell whoever runs it.',
    });
  }
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(retryAfter);
    return new ApiError({
      kind: 'rate-limited',
      status,
      retryAfterMs,
      detail,
      message: `Too many requests to the recordings API. ${describeWait(retryAfterMs)}`,
    });
  }
  if (status === 504 || status === 408) {
    return new ApiError({ kind: 'timeout', status, detail, message: `The recordings API took too long to answer (${status}). Try again in a moment.` });
  }
  if (status === 502 || status === 503) {
    return new ApiError({
      kind: 'server',
      status,
      detail,
      retryAfterMs: parseRetryAfter(retryAfter),
      message: 'The recordings API is unreachable or unavailable right now. Try again in a moment.',
    });
  }
  if (status >= 500) {
    return new ApiError({ kind: 'server', status, detail, message: `The recordings API had an internal error (${status}). Try again in a moment.` });
  }
  if (serverMessage) {
    return new ApiError({ kind: 'rejected', status, detail, message: `The recordings API rejected the request: ${serverMessage}` });
  }
  return new ApiError({ kind: 'rejected', status, detail, message: `The recordings API rejected the request (${status}).` });
}

/** "Try again in 30 s." for a known wait, else "Try again in a moment." */
export function describeWait(ms: number | undefined): string {
  return ms ? `Try again in ${Math.ceil(ms / 1000)} s.` : 'Try again in a moment.';
}

/** Reads `message` out of a `{"status": false, "message": "..."}` body, if there is one. */
export function messageFromBody(bodyText: string, secrets: readonly string[] = []): string | undefined {
  try {
    const value: unknown = JSON.parse(bodyText);
    if (value && typeof value === 'object' && 'message' in value) {
      const message = (value as { message: unknown }).message;
      if (typeof message === 'string' && message.trim() !== '') return clip(redact(message.trim(), secrets));
    }
  } catch {
    // not JSON: the caller describes it
  }
  return undefined;
}

export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Math.min(Number(trimmed), 3600) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isFinite(date)) return Math.max(0, Math.min(date - now, 3_600_000));
  return undefined;
}

export function clip(text: string): string {
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

const HIDDEN = '[hidden]';

/**
 * Cuts secrets out of text a server sent back, in the spellings an echo would use (as is,
 * JSON-escaped, URL-encoded). A badly written API that repeats the request in its error must
 * not put the auth key on screen, in an error report or in the query cache.
 */
export function redact(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), encodeURIComponent(secret)]);
    for (const form of forms) result = result.split(form).join(HIDDEN);
  }
  return result;
}
