import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { sendFile } from './file-response.ts';
import { HttpError } from './http-io.ts';
import { sendNotFound } from './media-route.ts';
import { resolveInside } from './safe-path.ts';

const STATIC_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dashboard not built</title></head>
<body><h1>Dashboard not built: run npm run build</h1></body></html>
`;

/**
 * Serves the built dashboard. Vite fingerprints `/assets/*`, so those are immutable; everything
 * else revalidates. A path that does not end in a known asset extension is a client-side route
 * (`/recordings/abc`, `/rooms/room-1.2`) and gets index.html; a missing asset stays a 404.
 */
export async function handleStatic(req: IncomingMessage, res: ServerResponse, distDir: string, rawPath: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') throw new HttpError(405, 'Method not allowed', { Allow: 'GET, HEAD' });
  const lastSegment = rawPath.slice(rawPath.lastIndexOf('/') + 1);
  const contentType = STATIC_TYPES[path.extname(lastSegment).toLowerCase()];
  if (!contentType) return sendIndex(req, res, distDir);
  const resolved = await resolveInside(distDir, rawPath.slice(1));
  if (!resolved) return sendNotFound(res);
  const immutable = rawPath.startsWith('/assets/');
  await sendFile(req, res, resolved.file, resolved.stats, {
    contentType,
    cacheControl: immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    ranges: false,
  });
}

async function sendIndex(req: IncomingMessage, res: ServerResponse, distDir: string) {
  const file = path.join(distDir, 'index.html');
  const stats = await stat(file).catch(() => null);
  if (!stats?.isFile()) {
    res.writeHead(503, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(NOT_BUILT_PAGE);
    return;
  }
  await sendFile(req, res, file, stats, { contentType: STATIC_TYPES['.html']!, cacheControl: 'no-cache', ranges: false });
}
