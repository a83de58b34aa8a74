import { createReadStream, type Stats } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';

export interface ByteRange {
  start: number;
  end: number;
}

/**
 * One `bytes=` range per RFC 9110 §14.1.2. Returns null to ignore the header (malformed, other
 * units, several ranges: the server MAY send the whole file) and 'unsatisfiable' for a 416.
 */
export function parseRange(header: string, size: number): ByteRange | 'unsatisfiable' | null {
  const match = /^bytes=(\d*)-(\d*)$/i.exec(header.trim());
  if (!match) return null;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return null;
  if (first === '') {
    // Suffix range: the last N bytes. Number() copes with absurdly long numerals.
    const length = Number(last);
    if (length === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return null;
  if (start >= size) return 'unsatisfiable';
  return { start, end: last === '' ? size - 1 : Math.min(Number(last), size - 1) };
}

export interface FileOptions {
  contentType: string;
  cacheControl: string;
  ranges: boolean;
}

export async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, stats: Stats, options: FileOptions) {
  const etag = `"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
  const headers: Record<string, string | number> = {
    'Content-Type': options.contentType,
    'Cache-Control': options.cacheControl,
    ETag: etag,
    'Last-Modified': stats.mtime.toUTCString(),
    ...(options.ranges ? { 'Accept-Ranges': 'bytes' } : {}),
  };
  if (etagMatches(req.headers['if-none-match'], etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const rangeHeader = req.method === 'GET' || req.method === 'HEAD' ? req.headers.range : undefined;
  const range = options.ranges && rangeHeader && ifRangeHolds(req, etag, stats) ? parseRange(rangeHeader, stats.size) : null;
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...headers, 'Content-Range': `bytes */${stats.size}`, 'Content-Length': 0 });
    res.end();
    return;
  }
  const { start, end } = range ?? { start: 0, end: stats.size - 1 };
  res.writeHead(range ? 206 : 200, {
    ...headers,
    'Content-Length': end - start + 1,
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${stats.size}` } : {}),
  });
  if (req.method === 'HEAD' || end < start) {
    res.end();
    return;
  }
  // pipeline destroys the file stream when the client goes away mid-transfer.
  await pipeline(createReadStream(file, { start, end }), res).catch(() => undefined);
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed === etag || trimmed === `W/${etag}`;
  });
}

/** If-Range with a stale validator means "send it all" (RFC 9110 §13.1.5). */
function ifRangeHolds(req: IncomingMessage, etag: string, stats: Stats): boolean {
  const header = req.headers['if-range'];
  const ifRange = Array.isArray(header) ? header[0] : header;
  if (!ifRange) return true;
  if (ifRange.startsWith('"') || ifRange.startsWith('W/')) return ifRange === etag;
  return Date.parse(ifRange) === Math.floor(stats.mtimeMs / 1000) * 1000;
}
