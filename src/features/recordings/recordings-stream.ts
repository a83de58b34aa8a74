import { apiFetch } from '../../lib/api-client';
import { ApiError, clip } from '../../lib/api-error';
import { config } from '../../lib/config';
import { BodyParseError, RecordingsBodyParser, type BodyProblem } from './recordings-body-parser';
import type { Recording, UnreadableRecord } from './recording';
import { normalizeBatch } from './recording-schema';

/** What a list load produces, in order: batches as bytes arrive, then `done`. */
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
    }
  | { type: 'done'; bytes: number; orders?: Record<string, Uint32Array> };

export interface RecordingsRequest {
  /** Only this room's recordings (the API's `room_id`); all of the account's when absent. */
  roomId?: string;
}

const BODY_MESSAGES: Record<BodyProblem, string> = {
  empty: 'The recordings API sent an empty answer.',
  truncated: 'The answer from the recordings API was cut off before it was complete.',
  'not-json': 'The recordings API sent an answer that is not valid JSON.',
  html: 'The recordings API sent a web page instead of data, probably an error page from a proxy.',
  'too-large': 'The recordings API sent an answer of an unexpected shape.',
};

/**
 * Streams one `POST /get/videos` answer (through the dashboard server) as normalized batches.
 * Runs in the recordings worker in the browser, and in-thread where there are no workers (tests).
 */
export async function* streamRecordings(
  request: RecordingsRequest,
  signal: AbortSignal,
): AsyncGenerator<RecordingsStreamEvent> {
  const response = await apiFetch('/api/videos', {
    method: 'POST',
    body: request.roomId === undefined ? {} : { room_id: request.roomId },
    signal,
  });
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
      const { done, value } = await readWithIdleTimeout(reader, signal);
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
    checkEnvelope(envelope, sawRecordsArray);
  } catch (error) {
    if (error instanceof BodyParseError) {
      throw new ApiError({
        kind: 'malformed',
        message: BODY_MESSAGES[error.problem],
        detail: error.preview ? clip(error.preview) : undefined,
      });
    }
    throw error;
  } finally {
    reader.cancel().catch(() => undefined);
  }
  yield { type: 'done', bytes };
}

function checkEnvelope(envelope: unknown, sawRecordsArray: boolean): void {
  if (envelope === null || typeof envelope !== 'object' || Array.isArray(envelope)) {
    throw new ApiError({ kind: 'malformed', message: 'The recordings API sent JSON that is not an object.' });
  }
  const { status, message } = envelope as { status?: unknown; message?: unknown };
  if (status === false) {
    const said = typeof message === 'string' && message.trim() !== '' ? clip(message.trim()) : undefined;
    throw new ApiError({
      kind: 'rejected',
      detail: said,
      message: said
        ? `The recordings API refused the request: ${said}`
        : 'The recordings API refused the request without saying why ("status": false).',
    });
  }
  if (!sawRecordsArray) {
    throw new ApiError({
      kind: 'malformed',
      message: 'The answer from the recordings API has no list of recordings ("obj" is missing or of the wrong shape).',
    });
  }
}

async function readWithIdleTimeout(
  reader: ReadableStreamDefaultReader<Uint8Array>,
  signal: AbortSignal,
): Promise<ReadableStreamReadResult<Uint8Array>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ApiError({ kind: 'timeout', message: 'The recordings API stopped sending data part-way through.' })),
      config.idleTimeoutMs,
    );
  });
  try {
    return await Promise.race([reader.read(), idle]);
  } catch (error) {
    if (signal.aborted || error instanceof ApiError) throw error;
    throw new ApiError({ kind: 'network', message: 'The connection broke while the list was loading.' });
  } finally {
    clearTimeout(timer);
  }
}
