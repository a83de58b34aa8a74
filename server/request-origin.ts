import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

const HOST_HEADER = /^[a-z0-9._~-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** True when the browser reached us over https, directly or through a TLS-terminating proxy. */
export function isSecureRequest(req: IncomingMessage, publicUrl: string | null): boolean {
  const forwarded = req.headers['x-forwarded-proto'];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim().toLowerCase();
  return proto === 'https' || publicUrl?.startsWith('https:') === true || (req.socket as TLSSocket).encrypted === true;
}

/** The origin media URLs are built on: PUBLIC_URL, else what the client called us by. */
export function requestOrigin(req: IncomingMessage, publicUrl: string | null): string {
  if (publicUrl) return publicUrl;
  const scheme = isSecureRequest(req, null) ? 'https' : 'http';
  const host = req.headers.host;
  if (host && HOST_HEADER.test(host)) return `${scheme}://${host}`;
  const address = req.socket.localAddress ?? '127.0.0.1';
  return `${scheme}://${address.includes(':') ? `[${address}]` : address}:${req.socket.localPort}`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * A server bound to loopback only answers to loopback names (or PUBLIC_URL's), so a web page
 * cannot reach it through DNS rebinding. A server bound to a real interface accepts any Host.
 */
export function hostAllowed(req: IncomingMessage, boundHost: string, publicUrl: string | null): boolean {
  if (!LOOPBACK_HOSTS.has(boundHost)) return true;
  const header = req.headers.host;
  if (!header) return true;
  let hostname: string;
  try {
    hostname = new URL(`http://${header}`).hostname.replace(/^\[|\]$/g, '');
  } catch {
    return false;
  }
  if (LOOPBACK_HOSTS.has(hostname) || hostname.endsWith('.localhost')) return true;
  return publicUrl !== null && new URL(publicUrl).hostname === hostname;
}
