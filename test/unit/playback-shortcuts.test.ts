// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { focusKind, SHORTCUTS, shortcutFor, type KeyPress } from '../../src/features/player/player-shortcuts';

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

function element(html: string): Element {
  const host = document.createElement('div');
  host.innerHTML = html;
  return host.firstElementChild!;
}

function action(key: string, focus: ReturnType<typeof focusKind> = 'other', inPlayer = false, modifiers: Partial<KeyPress> = {}) {
  return shortcutFor(press(key, modifiers), focus, inPlayer)?.action ?? null;
}

describe('player shortcuts', () => {
  it('map the keys people know from video sites', () => {
    expect(action(' ')).toEqual({ kind: 'toggle-play' });
    expect(action('k')).toEqual({ kind: 'toggle-play' });
    expect(action('K')).toEqual({ kind: 'toggle-play' }); // caps lock
    expect(action('j')).toEqual({ kind: 'seek', seconds: -10 });
    expect(action('l')).toEqual({ kind: 'seek', seconds: 10 });
    expect(action('ArrowLeft')).toEqual({ kind: 'seek', seconds: -5 });
    expect(action('ArrowRight')).toEqual({ kind: 'seek', seconds: 5 });
    expect(action('m')).toEqual({ kind: 'mute' });
    expect(action('f')).toEqual({ kind: 'fullscreen' });
    expect(action('<', 'other', false, { shiftKey: true })).toEqual({ kind: 'rate', direction: -1 });
    expect(action('>', 'other', false, { shiftKey: true })).toEqual({ kind: 'rate', direction: 1 });
    expect(action('?', 'other', false, { shiftKey: true })).toEqual({ kind: 'help' });
  });

  it('change the volume with the up and down arrows only inside the player, so the page still scrolls', () => {
    expect(action('ArrowUp', 'other', true)).toEqual({ kind: 'volume', delta: 0.1 });
    expect(action('ArrowDown', 'other', true)).toEqual({ kind: 'volume', delta: -0.1 });
    expect(action('ArrowUp', 'other', false)).toBeNull();
    expect(action('ArrowDown', 'other', false)).toBeNull();
  });

  it('never take a key from a text field, nor a browser shortcut with Ctrl, Alt, Cmd or Shift+letter', () => {
    for (const key of [' ', 'k', 'j', 'ArrowLeft', 'm', 'f', '>', '?']) expect(action(key, 'text', true)).toBeNull();
    expect(action('f', 'other', false, { ctrlKey: true })).toBeNull();
    expect(action('l', 'other', false, { metaKey: true })).toBeNull();
    expect(action('k', 'other', false, { altKey: true })).toBeNull();
    expect(action('K', 'other', false, { shiftKey: true })).toBeNull();
  });

  it('leave Space to buttons and links, and arrows and Space to sliders and menus, but letters still work there', () => {
    expect(action(' ', 'control')).toBeNull();
    expect(action('ArrowLeft', 'control')).toEqual({ kind: 'seek', seconds: -5 });
    expect(action(' ', 'composite', true)).toBeNull();
    expect(action('ArrowLeft', 'composite', true)).toBeNull();
    expect(action('ArrowUp', 'composite', true)).toBeNull();
    expect(action('k', 'composite', true)).toEqual({ kind: 'toggle-play' });
    expect(action('m', 'control')).toEqual({ kind: 'mute' });
  });

  it('are all listed in the help, each with what it does', () => {
    const keys = SHORTCUTS.flatMap((shortcut) => shortcut.match);
    expect(new Set(keys).size).toBe(keys.length);
    for (const shortcut of SHORTCUTS) expect(shortcut.description).not.toBe('');
  });
});

describe('where focus is', () => {
  it('tells text fields, composite widgets, controls and the rest apart', () => {
    expect(focusKind(element('<input type="search">'))).toBe('text');
    expect(focusKind(element('<input>'))).toBe('text');
    expect(focusKind(element('<textarea></textarea>'))).toBe('text');
    expect(focusKind(element('<select></select>'))).toBe('text');
    expect(focusKind(element('<input type="range">'))).toBe('composite');
    expect(focusKind(element('<div role="slider" tabindex="0"></div>'))).toBe('composite');
    expect(focusKind(element('<li role="menuitemradio"></li>'))).toBe('composite');
    expect(focusKind(element('<input type="checkbox">'))).toBe('control');
    expect(focusKind(element('<button>Play</button>'))).toBe('control');
    expect(focusKind(element('<a href="/x">x</a>'))).toBe('control');
    expect(focusKind(element('<summary>More</summary>'))).toBe('control');
    expect(focusKind(element('<a>no href</a>'))).toBe('other');
    expect(focusKind(element('<div tabindex="-1" class="video-js"></div>'))).toBe('other');
    expect(focusKind(null)).toBe('other');
  });

  it('counts contenteditable as text', () => {
    const editable = element('<div contenteditable="true"></div>') as HTMLElement;
    // jsdom does not compute isContentEditable; browsers do.
    Object.defineProperty(editable, 'isContentEditable', { value: true });
    expect(focusKind(editable)).toBe('text');
  });
});
