/**
 * What jsdom lacks for a media player, filled in for component tests. These are gaps in jsdom,
 * not stand-ins for video.js: video.js itself runs for real (creation, sources, posters, events,
 * disposal). jsdom cannot decode media, has no CSS.supports and no modal <dialog>.
 */
import videojs from 'video.js/core';
import type Player from 'video.js/dist/types/player';

type Hook = (fn: () => void) => void;

export function installJsdomMediaGaps({ beforeAll, afterAll }: { beforeAll: Hook; afterAll: Hook }): void {
  const saved: [object, string, PropertyDescriptor | undefined][] = [];
  const replace = (target: object, name: string, value: unknown) => {
    saved.push([target, name, Object.getOwnPropertyDescriptor(target, name)]);
    Object.defineProperty(target, name, { configurable: true, writable: true, value });
  };

  beforeAll(() => {
    const media = HTMLMediaElement.prototype;
    // "Can this browser play mp4?" A real browser says maybe; jsdom says no to everything.
    replace(media, 'canPlayType', () => 'maybe');
    // jsdom reports these as "not implemented" on its virtual console.
    replace(media, 'load', function load() {});
    replace(media, 'pause', function pause() {});
    replace(media, 'play', function play() {
      return Promise.resolve();
    });
    // Setting src starts loading in a browser, which announces itself with loadstart.
    const src = Object.getOwnPropertyDescriptor(media, 'src')!;
    saved.push([media, 'src', src]);
    Object.defineProperty(media, 'src', {
      configurable: true,
      get(this: HTMLMediaElement) {
        return src.get!.call(this);
      },
      set(this: HTMLMediaElement, value: string) {
        src.set!.call(this, value);
        setTimeout(() => this.dispatchEvent(new Event('loadstart')));
      },
    });
    // jsdom keeps playbackRate as a plain number without the ratechange event browsers fire.
    let rates = new WeakMap<HTMLMediaElement, number>();
    saved.push([media, 'playbackRate', Object.getOwnPropertyDescriptor(media, 'playbackRate')]);
    Object.defineProperty(media, 'playbackRate', {
      configurable: true,
      get(this: HTMLMediaElement) {
        return rates.get(this) ?? 1;
      },
      set(this: HTMLMediaElement, value: number) {
        if (rates.get(this) === value) return;
        rates.set(this, value);
        this.dispatchEvent(new Event('ratechange'));
      },
    });
    // Browsers fire ratechange for defaultPlaybackRate too, even when playbackRate stays put.
    const defaults = new WeakMap<HTMLMediaElement, number>();
    saved.push([media, 'defaultPlaybackRate', Object.getOwnPropertyDescriptor(media, 'defaultPlaybackRate')]);
    Object.defineProperty(media, 'defaultPlaybackRate', {
      configurable: true,
      get(this: HTMLMediaElement) {
        return defaults.get(this) ?? 1;
      },
      set(this: HTMLMediaElement, value: number) {
        defaults.set(this, value);
        this.dispatchEvent(new Event('ratechange'));
      },
    });
    const muted = new WeakMap<HTMLMediaElement, boolean>();
    saved.push([media, 'muted', Object.getOwnPropertyDescriptor(media, 'muted')]);
    Object.defineProperty(media, 'muted', {
      configurable: true,
      get(this: HTMLMediaElement) {
        return muted.get(this) ?? false;
      },
      set(this: HTMLMediaElement, value: boolean) {
        muted.set(this, value);
        this.dispatchEvent(new Event('volumechange'));
      },
    });
    if (typeof window.CSS === 'undefined') replace(window, 'CSS', {});
    if (typeof window.CSS.supports !== 'function') replace(window.CSS, 'supports', () => false);
    const dialog = HTMLDialogElement.prototype;
    replace(dialog, 'showModal', function showModal(this: HTMLDialogElement) {
      this.setAttribute('open', '');
    });
    replace(dialog, 'close', function close(this: HTMLDialogElement) {
      if (!this.hasAttribute('open')) return;
      this.removeAttribute('open');
      this.dispatchEvent(new Event('close'));
    });
    rates = new WeakMap();
  });

  afterAll(() => {
    for (const [target, name, descriptor] of saved.reverse()) {
      if (descriptor) Object.defineProperty(target, name, descriptor);
      else delete (target as Record<string, unknown>)[name];
    }
  });
}

/** The players video.js still holds: disposed ones leave its registry (their entry becomes null). */
export function livePlayers(): Player[] {
  return (Object.values(videojs.getPlayers()) as (Player | null)[]).filter((player): player is Player => player !== null && !player.isDisposed());
}
