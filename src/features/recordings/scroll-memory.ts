import { useLayoutEffect, useRef, type RefObject } from 'react';

const PREFIX = 'recordings-scroll:';
const scrollKey = (visit: string) => `${PREFIX}${visit}`;

/**
 * Where this visit of the list was scrolled to, kept per history entry (sessionStorage), so that
 * Back from a recording, or a reload, comes back to the same rows. Restored once, as soon as the
 * list is long enough to scroll there; a scroll of the user's own before that wins.
 */
export function useScrollMemory(scrollRef: RefObject<HTMLDivElement | null>, visit: string, offset: number, height: number) {
  // undefined: not read yet; null: nothing (more) to restore.
  const pending = useRef<number | null | undefined>(undefined);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element) return;
    if (pending.current === undefined) {
      let saved = 0;
      try {
        saved = Number(sessionStorage.getItem(scrollKey(visit)));
      } catch {
        // No storage: nothing to restore.
      }
      pending.current = Number.isFinite(saved) && saved > 0 ? saved : null;
    }
    const target = pending.current;
    if (target !== null) {
      if (offset > 0) pending.current = null;
      else if (height >= target + element.clientHeight) {
        element.scrollTop = target;
        pending.current = null;
        return;
      } else return;
    }
    try {
      if (offset > 0) sessionStorage.setItem(scrollKey(visit), String(Math.round(offset)));
      else sessionStorage.removeItem(scrollKey(visit));
    } catch {
      // Storage full or off: the list just opens at the top next time.
    }
  }, [scrollRef, visit, offset, height]);
}


/** Signing out forgets where the account's lists were scrolled to, with everything else. */
export function forgetScrollPositions(): void {
  try {
    for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // No storage: nothing was kept.
  }
}
