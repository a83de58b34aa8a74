import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const SESSION_COOKIE = 'rd_session';
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const AAD = Buffer.from(`${SESSION_COOKIE}/v${VERSION}`);

export interface Session {
  clientId: string;
  authKey: string;
}

/**
 * Seals `{c, k, exp}` with AES-256-GCM under a key derived from SESSION_SECRET. Stateless on
 * purpose: any instance sharing the secret accepts the cookie, and the key inside stays
 * unreadable (and untouchable) for the browser.
 */
export class SessionSealer {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'recordings-dashboard', 'rd_session cookie', 32));
  }

  seal(session: Session, now = Date.now()): string {
    const payload = JSON.stringify({ c: session.clientId, k: session.authKey, exp: Math.floor(now / 1000) + SESSION_MAX_AGE_SECONDS });
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv).setAAD(AAD);
    const sealed = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
    return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), sealed]).toString('base64url');
  }

  /** The session, or null for anything missing, tampered with, foreign or expired. */
  unseal(value: string | undefined, now = Date.now()): Session | null {
    if (!value) return null;
    try {
      const raw = Buffer.from(value, 'base64url');
      // Node's decoder skips stray characters; only the canonical spelling is ours.
      if (raw.toString('base64url') !== value) return null;
      if (raw[0] !== VERSION || raw.length <= 1 + IV_BYTES + TAG_BYTES) return null;
      const iv = raw.subarray(1, 1 + IV_BYTES);
      const tag = raw.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', this.key, iv).setAAD(AAD).setAuthTag(tag);
      const text = Buffer.concat([decipher.update(raw.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
      const { c, k, exp } = JSON.parse(text) as { c?: unknown; k?: unknown; exp?: unknown };
      if (typeof c !== 'string' || typeof k !== 'string' || typeof exp !== 'number') return null;
      return exp * 1000 > now ? { clientId: c, authKey: k } : null;
    } catch {
      return null;
    }
  }
}

export function sessionCookie(value: string, secure: boolean): string {
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_MAX_AGE_SECONDS}${secure ? '; Secure' : ''}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0${secure ? '; Secure' : ''}`;
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}
