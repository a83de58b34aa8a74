import { apiFetch, recordingsCall } from '../../lib/api-client';
import { ApiError, clip, redact } from '../../lib/api-error';
import { config } from '../../lib/config';
import type { DirectCredentials } from '../../lib/direct-credentials';
import { BodyParseError, RecordingsBodyParser, type BodyProblem } from './recordings-body-parser';
import type { Recording, UnreadableRecord } from './recording';
import { normalizeBatch } from './recording-schema';
import type { BatchColumns } from './recordings-columns';
import type { ListSummary } from './recordings-view';

/**
 * What a list load produces, in order: batches as bytes arrive, then `done`; from the worker, the
 * list's sort orders follow `done`, a column at a time.
 */
export type RecordingsStreamEvent =
  | {
      type: 'batch';
      records: Recording[];
      unreadable: UnreadableRecord[];
      bytes: number;
      totalBytes: number | null;
      /** Sort orders of the whole list so far, keyed by `orderKey()`; from the worker. */
      orders?: Record<string, Uint32Array>;
      /** Index of `records[0]` in the whole list. */
      firstIndex?: number;
      /** The batch's filter columns and summary, made by the worker (recordings-columns.ts). */
      columns?: BatchColumns;
      summary?: ListSummary;
    }
  | {
      type: 'done';
      bytes: number;
      /** Every column's sort orders will follow, as `orders` events. */
      ordersToFollow?: boolean;
    }
  | {
      type: 'orders';
      /** One column's orders, both directions, keyed by `orderKey()`. */
      orders: Record<string, Uint32Array>;
      last: boolean;
    };

export interface RecordingsRequest {
  /** Only this room's recordings (the API's `room_id`); all of the account's when absent. */
  roomId?: string;
  /**
   * Direct mode only: the page hands the worker the credentials from its sessionStorage, which
   * a worker cannot read itself. Never set in server mode, where the cookie carries them.
   */
  credentials?: DirectCredentials;
}

export interface StreamTimeouts {
  /** No response headers within this time: timed out. */
  headersMs?: number;
  /** No new bytes within this time while the body streams in: timed out. */
  idleMs?: number;
}

const BODY_MESSAGES: Record<BodyProblem, string> = {
  empty: 'The recordings API sent an empty answer. Try again in a moment.',
  truncated: 'The answer from the recordings API was cut off before it was complete. Try again in a moment.',
  'not-json': 'The recordings API sent an answer that is not valid JSON.',
  html: 'The recordings API sent a web page instead of data, probably an error page from a proxy in front of it.',
  'too-large':
    'The answer from the recordings API has more than 1 MB of data outside the list of recordings, so it is not a recordings answer.',
  duplicate:
    'The answer from the recordings API holds more than one list of recordings ("obj" appears twice), so which one is meant cannot be told.',
};

/**
 * Streams one `POST /get/videos`-shaped answer as normalized batches: through the dashboard
 * server's `/api/videos` (server mode) or from the API itself (direct mode). Runs in the
 * recordings worker in the browser, and in-thread where there are no workers (tests).
 */
export async function* streamRecordings(
  request: RecordingsRequest,
  signal: AbortSignal,
  timeouts: StreamTimeouts = {},
): AsyncGenerator<RecordingsStreamEvent> {
  const call = recordingsCall(request.roomId, request.credentials);
  const response = await apiFetch(call.url, {
    method: 'POST',
    body: call.body,
    signal,
    secrets: call.secrets,
    timeoutMs: timeouts.headersMs ?? config.headersTimeoutMs,
  });
  const idleMs = timeouts.idleMs ?? config.idleTimeoutMs;
  const length = Number(response.headers.get('Content-Length'));
  const totalBytes = response.headers.get('Content-Encoding') || !Number.isFinite(length) || length <= 0 ? null : length;
  if (!response.body) throw new ApiError({ kind: 'malformed', message: BODY_MESSAGES.empty });

  let position = 0;
  let pending: unknown[] = [];
  const parser = new RecordingsBodyParser((records) => {
    pending = pending.length === 0 ? records : pending.concat(records);
  });
  const reader = response.body.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await readWithIdleTimeout(reader, signal, idleMs);
      if (done) break;
      bytes += value.length;
      parser.push(value);
      if (pending.length > 0) {
        const batch = normalizeBatch(pending, position);
        position += pending.length;
        pending = [];
        yield { type: 'batch', ...batch, bytes, totalBytes };
      } else {
        yield { type: 'batch', records: [], unreadable: [], bytes, totalBytes };
      }
    }
    const { envelope, sawRecordsArray } = parser.finish();
    checkEnvelope(envelope, sawRecordsArray, call.secrets);
  } catch (error) {
    if (error instanceof BodyParseError) {
      const preview = error.preview ? clip(redact(error.preview, call.secrets)) : undefined;
      throw new ApiError({ kind: 'malformed', message: BODY_MESSAGES[error.problem], detail: preview });
    }
    throw error;
  } finally {
    reader.cancel().catch(() => undefined);
  }
  yield { type: 'done', bytes };
}

function describeJson(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return 'text';
  if (typeof value === 'number') return 'a number';
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  return 'an object';
}

/**
 * The answer around the records: `status` must not be false, and `obj` must be the list (or
 * `{recordings: list}`), in the envelope JSON.parse would see (records arrays left empty), so
 * that a duplicate `obj` that is not a list is caught too.
 */
function checkEnvelope(envelope: unknown, sawRecordsArray: boolean, secrets: readonly string[]): void {
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
    throw new ApiError({
      kind: 'malformed',
      message: `The answer from the recordings API is not the expected JSON object: it is ${describeJson(envelope)}.`,
    });
  }
  const { status, message, obj } = envelope as { status?: unknown; message?: unknown; obj?: unknown };
  if (status === false) {
    const said = typeof message === 'string' && message.trim() !== '' ? clip(redact(message.trim(), secrets)) : undefined;
    throw new ApiError({
      kind: 'rejected',
      detail: said,
      message: said
        ? `The recordings API refused the request: ${said}`
        : 'The recordings API refused the request without saying why ("status": false).',
    });
  }
  const list = Array.isArray(obj) || (obj !== null && typeof obj === 'object' && Array.isArray((obj as { recordings?: unknown }).recordings));
  if (!sawRecordsArray || !list) {
    const what =
      obj === undefined
        ? '"obj" is missing'
        : obj !== null && typeof obj === 'object' && !Array.isArray(obj)
          ? '"obj" has no "recordings" list'
          : `"obj" is ${describeJson(obj)}`;
    throw new ApiError({
      kind: 'malformed',
      message: `The answer from the recordings API has no list of recordings (${what}).`,
    });
  }
}

async function readWithIdleTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
  idleMs: number,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ApiError({
            kind: 'timeout',
            message: `The recordings API stopped sending data part-way through (nothing for ${Math.round(idleMs / 1000)} s). Try again in a moment.`,
          }),
        ),
      idleMs,
    );
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } catch (error) {
    if (signal.aborted || error instanceof ApiError) throw error;
    throw new ApiError({ kind: 'network', message: 'The connection broke while the list was loading. Try again in a moment.' });
  } finally {
    clearTimeout(timer);
  }
}
