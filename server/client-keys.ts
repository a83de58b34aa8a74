import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;
const SALT_LENGTH = 16;

export interface StoredKey {
  hash: Buffer;
  salt: Buffer;
}

function derive(secret: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, KEY_LENGTH, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashKey(authKey: string): Promise<StoredKey> {
  const salt = randomBytes(SALT_LENGTH);
  return { hash: await derive(authKey, salt), salt };
}

// Unknown clients are checked against this pair so they cost the same scrypt as a wrong key.
const dummy: Promise<StoredKey> = hashKey(randomBytes(24).toString('hex'));

export async function keyMatches(authKey: string, stored: StoredKey | undefined): Promise<boolean> {
  const target = stored ?? (await dummy);
  const candidate = await derive(authKey, target.salt);
  // Both sides are KEY_LENGTH bytes by construction, so timingSafeEqual never throws.
  return timingSafeEqual(candidate, target.hash) && stored !== undefined;
}

/**
 * Remembers recent successful verifications for a short while, so a dashboard session does not
 * pay one scrypt per request. Keyed by a digest, so the map never holds a key in the clear.
 */
export class VerifiedKeyCache {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs = 60_000,
    private readonly maxEntries = 10_000,
  ) {}

  has(clientId: string, authKey: string, now = Date.now()): boolean {
    const id = this.idOf(clientId, authKey);
    const expiry = this.entries.get(id);
    if (expiry === undefined) return false;
    if (expiry > now) return true;
    this.entries.delete(id);
    return false;
  }

  add(clientId: string, authKey: string, now = Date.now()): void {
    if (this.entries.size >= this.maxEntries) this.prune(now);
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(this.idOf(clientId, authKey), now + this.ttlMs);
  }

  clear(): void {
    this.entries.clear();
  }

  private prune(now: number): void {
    for (const [id, expiry] of this.entries) if (expiry <= now) this.entries.delete(id);
  }

  private idOf(clientId: string, authKey: string): string {
    return createHash('sha256').update(clientId).update('\0').update(authKey).digest('base64');
  }
}
