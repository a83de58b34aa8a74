import { HttpError, streamResponse } from './http-io.ts';
import type { RecordingsAnswer, RecordingsQuery, RecordingsSource, Sender } from './recordings-source.ts';

/** Failure answers are small; anything larger than this is taken to be a recordings list. */
const PEEK_BYTES = 64 * 1024;

interface Peeked {
  head: Uint8Array[];
  complete: boolean;
  json: unknown;
}

/**
 * Forwards queries to `${baseUrl}/get/videos`. The answer streams through; only its first
 * 64 KB are looked at, to tell a refusal (`status: false`, 401, 403) from a recordings list.
 */
export function upstreamRecordings(baseUrl: string, headersTimeoutMs = 30_000): RecordingsSource {
  const url = `${baseUrl}/get/videos`;
  return {
    async query(query, clientSignal) {
      const controller = new AbortController();
      const abort = () => controller.abort();
      clientSignal.addEventListener('abort', abort, { once: true });
      const timer = setTimeout(abort, headersTimeoutMs);
      let response: Response;
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
          body: JSON.stringify(requestBody(query)),
          signal: controller.signal,
          redirect: 'manual',
        });
      } catch {
        if (controller.signal.aborted && !clientSignal.aborted) throw new HttpError(504, 'Recordings API timed out');
        throw new HttpError(502, 'Recordings API unreachable');
      } finally {
        clearTimeout(timer);
      }
      const reader = response.body?.getReader();
      let peeked: Peeked;
      try {
        peeked = await peek(reader);
      } catch {
        abort();
        throw new HttpError(502, 'Recordings API unreachable');
      }
      const discard = () => {
        reader?.cancel().catch(() => undefined);
        abort();
      };
      const send = sender(response, redactKey(peeked, query.authKey), reader);
      return classify(response.status, peeked, send, discard);
    },
  };
}

function requestBody({ clientId, authKey, roomId }: RecordingsQuery): Record<string, string> {
  return roomId === undefined
    ? { client_id: clientId, auth_key: authKey }
    : { client_id: clientId, auth_key: authKey, room_id: roomId };
}

async function peek(reader: ReadableStreamDefaultReader<Uint8Array> | undefined): Promise<Peeked> {
  const head: Uint8Array[] = [];
  if (!reader) return { head, complete: true, json: undefined };
  let size = 0;
  while (size < PEEK_BYTES) {
    const { done, value } = await reader.read();
    if (done) return { head, complete: true, json: parseOrUndefined(Buffer.concat(head).toString('utf8')) };
    head.push(value);
    size += value.length;
  }
  return { head, complete: false, json: undefined };
}

/**
 * A careless upstream may repeat the request in its answer. On /api/* that answer goes to a page
 * that must never see the key, so the part the server has already read (the whole of any error
 * answer, and the first 64 KB of a list) is cleaned of it, byte for byte, in the spellings an
 * echo would use. A key repeated deeper inside a huge list is not looked for.
 */
function redactKey(peeked: Peeked, authKey: string): Peeked {
  if (authKey.length < 4 || peeked.head.length === 0) return peeked;
  const original = Buffer.concat(peeked.head);
  let bytes: Buffer = original;
  for (const form of new Set([authKey, JSON.stringify(authKey).slice(1, -1), encodeURIComponent(authKey)])) {
    bytes = replaceBytes(bytes, Buffer.from(form, 'utf8'), HIDDEN);
  }
  if (bytes === original) return peeked;
  return { head: [bytes], complete: peeked.complete, json: peeked.complete ? parseOrUndefined(bytes.toString('utf8')) : undefined };
}

const HIDDEN = Buffer.from('[hidden]');

function replaceBytes(haystack: Buffer, needle: Buffer, replacement: Buffer): Buffer {
  let at = haystack.indexOf(needle);
  if (at === -1) return haystack;
  const parts: Buffer[] = [];
  let from = 0;
  while (at !== -1) {
    parts.push(haystack.subarray(from, at), replacement);
    from = at + needle.length;
    at = haystack.indexOf(needle, from);
  }
  parts.push(haystack.subarray(from));
  return Buffer.concat(parts);
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function classify(status: number, peeked: Peeked, send: Sender, discard: () => void): RecordingsAnswer {
  const flag = typeof peeked.json === 'object' && peeked.json !== null ? (peeked.json as { status?: unknown }).status : undefined;
  if (status === 401 || status === 403 || (flag === false && status < 300)) return { outcome: 'denied', send, discard };
  if (status >= 200 && status < 300 && (flag === true || !peeked.complete)) return { outcome: 'ok', send, discard };
  return { outcome: 'unexpected', send, discard };
}

function sender(response: Response, peeked: Peeked, reader: ReadableStreamDefaultReader<Uint8Array> | undefined): Sender {
  async function* body(): AsyncGenerator<Uint8Array> {
    try {
      yield* peeked.head;
      if (peeked.complete || !reader) return;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        yield value;
      }
    } finally {
      reader?.cancel().catch(() => undefined);
    }
  }
  // fetch has already undone any Content-Encoding; streamResponse compresses again if asked.
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const retryAfter = response.headers.get('retry-after');
  const headers: Record<string, string> = retryAfter ? { 'Retry-After': retryAfter } : {};
  return (req, res) => streamResponse(req, res, response.status, type, body(), headers);
}
