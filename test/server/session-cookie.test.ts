import { describe, expect, it } from 'vitest';
import { SESSION_MAX_AGE_SECONDS, SessionSealer } from '../../server/session-cookie.ts';

const sealer = new SessionSealer('a-session-secret-of-at-least-32-chars');
const session = { clientId: 'demo-school', authKey: 'demo-school-key' };

describe('SessionSealer', () => {
  it('round-trips a session, with a fresh IV each time', () => {
    const first = sealer.seal(session);
    expect(sealer.unseal(first)).toEqual(session);
    expect(sealer.seal(session)).not.toBe(first);
  });

  it('refuses expired, foreign, truncated and garbage values', () => {
    const now = Date.now();
    const sealed = sealer.seal(session, now);
    expect(sealer.unseal(sealed, now + (SESSION_MAX_AGE_SECONDS - 1) * 1000)).toEqual(session);
    expect(sealer.unseal(sealed, now + (SESSION_MAX_AGE_SECONDS + 1) * 1000)).toBeNull();
    expect(new SessionSealer('another-secret-of-at-least-32-chars!!').unseal(sealed)).toBeNull();
    expect(sealer.unseal(sealed.slice(0, -4))).toBeNull();
    for (const garbage of [undefined, '', 'AAAA', '%%%', 'x'.repeat(5000)]) expect(sealer.unseal(garbage)).toBeNull();
  });
});
