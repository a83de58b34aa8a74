import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendFile } from './file-response.ts';
import { HttpError } from './http-io.ts';
import { resolveInside } from './safe-path.ts';

export const MEDIA_PREFIX = '/media/';

const MEDIA_TYPES: Record<string, string> = {
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.vtt': 'text/vtt; charset=utf-8',
};

/** `GET|HEAD /media/<file>` with single byte ranges; only known media types are ever served. */
export async function handleMedia(req: IncomingMessage, res: ServerResponse, mediaDir: string, rawPath: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const encoded = rawPath.slice(MEDIA_PREFIX.length);
  const contentType = MEDIA_TYPES[path.extname(encoded).toLowerCase()];
  const resolved = contentType ? await resolveInside(mediaDir, encoded) : null;
  if (!contentType || !resolved) return sendNotFound(res);
  await sendFile(req, res, resolved.file, resolved.stats, {
    contentType,
    cacheControl: 'public, max-age=86400',
    ranges: true,
  });
}

export function sendNotFound(res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end('Not found\n');
}
