import { useEffect, useEffectEvent, type RefObject } from 'react';
import { focusKind, shortcutFor, type ShortcutAction } from './player-shortcuts';

/**
 * The player's shortcuts, wherever focus is on the page (except where typing goes or a widget
 * needs the key itself). Listens in the capture phase, because video.js controls stop the
 * propagation of every key they receive.
 */
export function usePlayerShortcuts({
  enabled,
  playerRef,
  onAction,
}: {
  enabled: boolean;
  /** The player's own area: arrow keys up and down change the volume only in there. */
  playerRef: RefObject<HTMLElement | null>;
  onAction: (action: ShortcutAction) => void;
}): void {
  const act = useEffectEvent(onAction);
  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const target = event.target instanceof Element ? event.target : null;
      // A dialog (the shortcuts help among them) has the keyboard to itself.
      if (target?.closest('dialog')) return;
      const focusInPlayer = Boolean(target && playerRef.current?.contains(target));
      const shortcut = shortcutFor(event, focusKind(target), focusInPlayer);
      if (!shortcut) return;
      event.preventDefault();
      event.stopPropagation();
      act(shortcut.action);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [enabled, playerRef]);
}
