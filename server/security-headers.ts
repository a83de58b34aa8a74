import type { ServerResponse } from 'node:http';

// style-src needs 'unsafe-inline' because video.js writes inline style attributes on its
// elements; see docs/decisions/0002-server-reference-api.md.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  'img-src \'self\' data: blob: http: https:',
  "media-src 'self' blob: http: https:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function applySecurityHeaders(res: ServerResponse, secure: boolean): void {
  res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  // same-site rather than same-origin: a proxy instance on another port of the same host may
  // hand out media URLs that point here.
  res.setHeader('Cross-Origin-Resource-Policy', 'same-site');
  if (secure) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
}
