import type { IncomingMessage, ServerResponse } from 'node:http';
import { createGzip } from 'node:zlib';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';

export const JSON_TYPE = 'application/json; charset=utf-8';
export const MAX_BODY_BYTES = 64 * 1024;

/** An error whose message is safe to show the client as `{status: false, message}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': JSON_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { status: false, message: error.message }, error.headers);
}

export function isJsonContentType(req: IncomingMessage): boolean {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/** Reads at most MAX_BODY_BYTES and parses it; an empty body becomes `undefined`. */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const encoding = req.headers['content-encoding'];
  if (encoding && encoding.toLowerCase() !== 'identity') {
    throw new HttpError(415, 'Compressed request bodies are not supported');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge(req);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw tooLarge(req);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON');
  }
}

function tooLarge(req: IncomingMessage): HttpError {
  // Discard the rest without buffering it and close the connection once the answer is out.
  req.resume();
  return new HttpError(413, `Request body is larger than ${MAX_BODY_BYTES} bytes`, { Connection: 'close' });
}

export function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** Resolves once `stream` can take more data; false if it closed first (client went away). */
function drained(stream: Writable): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => () => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onClose);
      resolve(ok);
    };
    const onDrain = done(true);
    const onClose = done(false);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onClose);
  });
}

/**
 * Streams chunks into the response (gzipped when the client accepts it), waiting for 'drain'
 * whenever a write is refused, so a huge answer never sits in memory as a whole. Stops early,
 * closing `chunks`, if the client disconnects.
 */
export async function streamResponse(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  contentType: string,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  headers: Record<string, string> = {},
): Promise<void> {
  const gzip = acceptsGzip(req);
  res.writeHead(status, {
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
    Vary: 'Accept-Encoding',
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
    ...headers,
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  const compressor = gzip ? createGzip({ level: 4 }) : null;
  const out: Writable = compressor ?? res;
  const piped = compressor ? pipeline(compressor, res).catch(() => undefined) : Promise.resolve();
  try {
    for await (const chunk of chunks) {
      if (out.destroyed || res.destroyed) return;
      if (!out.write(chunk) && !(await drained(out))) return;
    }
    out.end();
    await piped;
  } catch (error) {
    // Headers are gone; cutting the connection is the only honest way to say the body is broken.
    res.destroy();
    out.destroy();
    throw error;
  }
}
