/**
 * The player's keyboard shortcuts: one table for the help dialog and for the key handling, so the
 * two never disagree. Pure functions; use-player-shortcuts.ts wires them to the document.
 */

export type ShortcutAction =
  | { kind: 'toggle-play' }
  | { kind: 'seek'; seconds: number }
  | { kind: 'volume'; delta: number }
  | { kind: 'mute' }
  | { kind: 'fullscreen' }
  | { kind: 'rate'; direction: 1 | -1 }
  | { kind: 'help' };

export interface Shortcut {
  /** What the help dialog shows, one entry per key (alternatives). */
  keys: readonly string[];
  /** `KeyboardEvent.key` values that trigger it. */
  match: readonly string[];
  description: string;
  action: ShortcutAction;
  /** Arrow keys scroll the page: these act only while the player has focus. */
  playerFocusOnly?: boolean;
}

export const SHORTCUTS: readonly Shortcut[] = [
  { keys: ['Space', 'K'], match: [' ', 'k'], description: 'Play or pause', action: { kind: 'toggle-play' } },
  { keys: ['J'], match: ['j'], description: 'Back 10 seconds', action: { kind: 'seek', seconds: -10 } },
  { keys: ['L'], match: ['l'], description: 'Forward 10 seconds', action: { kind: 'seek', seconds: 10 } },
  { keys: ['←'], match: ['ArrowLeft'], description: 'Back 5 seconds', action: { kind: 'seek', seconds: -5 } },
  { keys: ['→'], match: ['ArrowRight'], description: 'Forward 5 seconds', action: { kind: 'seek', seconds: 5 } },
  {
    keys: ['↑'],
    match: ['ArrowUp'],
    description: 'Volume up (while the player has focus)',
    action: { kind: 'volume', delta: 0.1 },
    playerFocusOnly: true,
  },
  {
    keys: ['↓'],
    match: ['ArrowDown'],
    description: 'Volume down (while the player has focus)',
    action: { kind: 'volume', delta: -0.1 },
    playerFocusOnly: true,
  },
  { keys: ['M'], match: ['m'], description: 'Mute or unmute', action: { kind: 'mute' } },
  { keys: ['F'], match: ['f'], description: 'Full screen on or off', action: { kind: 'fullscreen' } },
  { keys: ['<'], match: ['<'], description: 'Slower (down to 0.5×)', action: { kind: 'rate', direction: -1 } },
  { keys: ['>'], match: ['>'], description: 'Faster (up to 2×)', action: { kind: 'rate', direction: 1 } },
  { keys: ['?'], match: ['?'], description: 'Show these shortcuts', action: { kind: 'help' } },
];

/**
 * Where focus is, as far as shortcuts care:
 * - `text`: typing goes there; no shortcut may steal a key.
 * - `composite`: a slider, menu, list… that uses arrows, Space and Enter itself.
 * - `control`: a button, link, checkbox… that Space and Enter activate.
 * - `other`: the page, the player itself, plain text.
 */
export type FocusKind = 'text' | 'composite' | 'control' | 'other';

const TEXT_INPUT_TYPES = new Set([
  'text', 'search', 'email', 'url', 'password', 'number', 'tel', 'date', 'datetime-local', 'month', 'time', 'week',
]);
const COMPOSITE_ROLES = new Set([
  'slider', 'spinbutton', 'menu', 'menubar', 'menuitem', 'menuitemradio', 'menuitemcheckbox', 'listbox', 'option',
  'radiogroup', 'radio', 'tablist', 'tab', 'grid', 'tree', 'treegrid', 'treeitem', 'combobox',
]);
const CONTROL_ROLES = new Set(['button', 'link', 'checkbox', 'switch']);

export function focusKind(target: Element | null): FocusKind {
  if (!target) return 'other';
  if (target instanceof HTMLElement && target.isContentEditable) return 'text';
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return 'text';
  if (tag === 'INPUT') {
    const type = (target.getAttribute('type') ?? 'text').toLowerCase();
    if (TEXT_INPUT_TYPES.has(type)) return 'text';
    return type === 'range' ? 'composite' : 'control';
  }
  const role = target.getAttribute('role');
  if (role && COMPOSITE_ROLES.has(role)) return 'composite';
  if (target.closest('[role="menu"], [role="listbox"], [role="slider"]')) return 'composite';
  if (role && CONTROL_ROLES.has(role)) return 'control';
  if (tag === 'BUTTON' || tag === 'SUMMARY' || (tag === 'A' && target.hasAttribute('href'))) return 'control';
  return 'other';
}

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** The shortcut a key press stands for where focus is, or null to leave the key alone. */
export function shortcutFor(press: KeyPress, focus: FocusKind, focusInPlayer: boolean): Shortcut | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (focus === 'text') return null;
  // Letters: caps lock is fine, Shift+letter belongs to the browser and assistive technology.
  const isLetter = /^[a-z]$/i.test(press.key);
  if (isLetter && press.shiftKey) return null;
  const key = isLetter ? press.key.toLowerCase() : press.key;
  const shortcut = SHORTCUTS.find((candidate) => candidate.match.includes(key));
  if (!shortcut) return null;
  const usesArrows = key.startsWith('Arrow');
  if (focus === 'composite' && (usesArrows || key === ' ')) return null;
  if (focus === 'control' && key === ' ') return null;
  if (shortcut.playerFocusOnly && !focusInPlayer) return null;
  return shortcut;
}
