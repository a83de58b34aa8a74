import { useEffect, useEffectEvent, useRef, useState } from 'react';
import videojs from 'video.js/core';
import type Player from 'video.js/dist/types/player';
import 'video.js/dist/video-js.css';
import {
  describeMediaError,
  PLAYBACK_RATES,
  steppedRate,
  type PlayerControls,
  type PlayerEvent,
  type ProgressReason,
} from './player-controls';
import type { PlayerSource } from './player-source';

/**
 * The one file that imports video.js (loaded lazily by lecture-player.tsx).
 *
 * Lifecycle, after the video.js React guide: one player per mount, created into an element that
 * React never renders into, disposed on unmount (StrictMode's extra mount/unmount included). A new
 * recording swaps poster and source on the same player; it never makes a second one.
 */
export interface VideoJsPlayerProps {
  /**
   * Identifies what is loaded (one recording). A new key loads afresh even when the file is the
   * same (demo recordings share files); every event carries the key it is about.
   */
  mediaKey: string;
  sources: PlayerSource[];
  poster: string | null;
  title: string;
  portrait: boolean;
  /** Where a newly loaded source starts. Read when the source changes, so a later change never seeks. */
  startTime: number;
  /** Read when the source changes (a new source starts at it); the viewer changes it in the player. */
  playbackRate: number;
  /** No metadata by then while the browser is still loading: a `timeout` event. */
  loadTimeoutMs: number;
  /** Bump to load the same source again (after a failure). */
  reloadToken: number;
  onEvent: (event: PlayerEvent) => void;
}

// HTMLMediaElement.networkState: the browser is downloading (or trying to reach the host).
const NETWORK_LOADING = 2;

export default function VideoJsPlayer(props: VideoJsPlayerProps) {
  const { mediaKey, sources, poster, title, portrait, reloadToken } = props;
  const containerRef = useRef<HTMLDivElement>(null);
  const [player, setPlayer] = useState<Player | null>(null);
  // Which media the player holds, so the last position can be reported before it is disposed.
  const loadedKeyRef = useRef<string | null>(null);
  const emit = useEffectEvent((event: PlayerEvent) => props.onEvent(event));
  const loadSettings = useEffectEvent(() => ({
    sources,
    poster,
    startTime: props.startTime,
    playbackRate: props.playbackRate,
    loadTimeoutMs: props.loadTimeoutMs,
  }));
  const creationSettings = useEffectEvent(() => ({ portrait }));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const initial = creationSettings();
    const element = document.createElement('video-js');
    element.classList.add('vjs-big-play-centered');
    element.setAttribute('playsinline', '');
    container.appendChild(element);
    const created = videojs(element, {
      controls: true,
      preload: 'metadata',
      fluid: true,
      aspectRatio: initial.portrait ? '9:16' : '16:9',
      playbackRates: PLAYBACK_RATES,
      // The page shows failures itself, in words and with a direct link (lecture-player.tsx).
      errorDisplay: false,
      // Shortcuts are the page's (use-player-shortcuts.ts), so they work wherever focus is.
      userActions: { hotkeys: false },
      html5: { nativeTextTracks: false },
      controlBar: { pictureInPictureToggle: true, fullscreenToggle: true, skipButtons: { forward: 10, backward: 10 } },
    });
    setPlayer(created);
    emit({ type: 'ready', controls: controlsFor(created) });
    return () => {
      emit({ type: 'ready', controls: null });
      reportPosition(created, loadedKeyRef.current, 'leave', emit);
      loadedKeyRef.current = null;
      if (!created.isDisposed()) created.dispose();
      setPlayer(null);
    };
  }, []);

  // A poster change for the same recording (say, its thumbnail appeared on refresh).
  useEffect(() => {
    if (player && !player.isDisposed()) player.poster(poster ?? '');
  }, [player, poster]);

  useEffect(() => {
    if (player && !player.isDisposed()) player.aspectRatio(portrait ? '9:16' : '16:9');
  }, [player, portrait]);

  useEffect(() => {
    if (!player) return;
    player.el().setAttribute('aria-label', `Video player: ${title}`);
  }, [player, title]);

  const sourceKey = sources.map((source) => `${source.type} ${source.src}`).join('\n');

  useEffect(() => {
    if (!player || player.isDisposed()) return;
    const settings = loadSettings();
    const key = mediaKey;

    // Swap in this order, so the next recording never shows or plays a moment of the last one:
    // stop, drop any error, put the new poster up (over the last frame), then change the source.
    player.pause();
    player.error(null);
    player.poster(settings.poster ?? '');
    player.hasStarted(false);
    player.defaultPlaybackRate(settings.playbackRate);
    player.src(settings.sources);
    player.playbackRate(settings.playbackRate);
    loadedKeyRef.current = null;
    emit({ type: 'loading', mediaKey: key });

    let timer: ReturnType<typeof setTimeout> | undefined;
    const stopTimer = () => clearTimeout(timer);
    const armTimer = () => {
      stopTimer();
      timer = setTimeout(checkLoading, settings.loadTimeoutMs);
    };
    const onVisible = () => {
      if (!document.hidden) armTimer();
    };
    function checkLoading() {
      if (player!.isDisposed() || player!.readyState() >= 1 || player!.error()) return;
      // Background tabs may hold media back: count from when the page is seen again.
      if (document.hidden) {
        document.addEventListener('visibilitychange', onVisible, { once: true });
        return;
      }
      // Still trying to reach the host: say so. Otherwise the browser chose not to preload
      // (iOS ignores preload): start counting when the viewer asks to play.
      if (player!.networkState() === NETWORK_LOADING) emit({ type: 'timeout', mediaKey: key });
      else player!.one('play', armTimer);
    }
    armTimer();

    // video.js applies a new source a tick later; until this source's loadstart, events and
    // times still belong to the previous recording and must not be reported under this key.
    let started = false;
    const onMetadata = () => {
      if (!started) return;
      stopTimer();
      const duration = player.duration() ?? NaN;
      const start = settings.startTime;
      if (start > 0) player.currentTime(Number.isFinite(duration) && duration > 0 ? Math.min(start, Math.max(0, duration - 1)) : start);
      emit({ type: 'metadata', mediaKey: key, duration });
    };
    const onLoadStart = () => {
      started = true;
      loadedKeyRef.current = key;
    };
    const report = (reason: ProgressReason) => {
      if (started) reportPosition(player, key, reason, emit);
    };
    const onTime = () => report('time');
    const onPause = () => report('pause');
    const onSeeked = () => report('seeked');
    // Setting defaultPlaybackRate above fires ratechange too, with the old rate: only changes
    // after this source started loading are the viewer's.
    const onRateChange = () => {
      if (started) emit({ type: 'rate', rate: player.playbackRate() ?? 1 });
    };
    const onEnded = () => {
      if (started) emit({ type: 'ended', mediaKey: key });
    };
    const onError = () => {
      stopTimer();
      emit({ type: 'error', mediaKey: key, message: describeMediaError(player.error()?.code) });
    };
    const onPageHide = () => report('leave');
    player.on('loadstart', onLoadStart);
    player.on('loadedmetadata', onMetadata);
    player.on('timeupdate', onTime);
    player.on('pause', onPause);
    player.on('seeked', onSeeked);
    player.on('ended', onEnded);
    player.on('ratechange', onRateChange);
    player.on('error', onError);
    window.addEventListener('pagehide', onPageHide);

    return () => {
      stopTimer();
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('pagehide', onPageHide);
      if (player.isDisposed()) return;
      report('leave');
      player.off('loadstart', onLoadStart);
      player.off('loadedmetadata', onMetadata);
      player.off('timeupdate', onTime);
      player.off('pause', onPause);
      player.off('seeked', onSeeked);
      player.off('ended', onEnded);
      player.off('ratechange', onRateChange);
      player.off('error', onError);
      player.off('play', armTimer);
    };
  }, [player, mediaKey, sourceKey, reloadToken]);

  return <div ref={containerRef} className="lecture-player__video" data-testid="video-player" />;
}

function reportPosition(player: Player, key: string | null, reason: ProgressReason, emit: (event: PlayerEvent) => void): void {
  if (key === null || player.isDisposed()) return;
  const currentTime = player.currentTime() ?? 0;
  emit({ type: 'progress', mediaKey: key, currentTime, duration: player.duration() ?? NaN, reason });
}

function controlsFor(player: Player): PlayerControls {
  const clampTime = (seconds: number) => {
    const duration = player.duration() ?? NaN;
    const upper = Number.isFinite(duration) && duration > 0 ? duration : Number.POSITIVE_INFINITY;
    return Math.min(Math.max(0, seconds), upper);
  };
  // Browsers reject play() and fullscreen for reasons the viewer already sees (no gesture, a new
  // source arrived): nothing to report, and no unhandled rejection.
  const quietly = (promise: Promise<unknown> | undefined) => {
    void Promise.resolve(promise).catch(() => undefined);
  };
  return {
    togglePlay() {
      if (player.paused()) quietly(player.play());
      else player.pause();
    },
    seekBy(seconds) {
      const target = clampTime((player.currentTime() ?? 0) + seconds);
      player.currentTime(target);
      return target;
    },
    seekTo(seconds) {
      player.currentTime(clampTime(seconds));
    },
    changeVolume(delta) {
      const volume = Math.round(Math.min(1, Math.max(0, (player.volume() ?? 1) + delta)) * 100) / 100;
      player.volume(volume);
      player.muted(volume === 0);
      return volume;
    },
    toggleMute() {
      player.muted(!player.muted());
      return Boolean(player.muted());
    },
    toggleFullscreen() {
      quietly(player.isFullscreen() ? player.exitFullscreen() : player.requestFullscreen());
    },
    stepRate(direction) {
      // video.js caches the rate until the media's ratechange event: two quick presses would
      // both step from the old value. The media element itself knows at once.
      const media = player.tech(true).el() as HTMLMediaElement;
      const rate = steppedRate(media.playbackRate, direction);
      player.playbackRate(rate);
      return rate;
    },
    currentTime: () => player.currentTime() ?? 0,
    focus: () => player.el().querySelector<HTMLElement>('.vjs-play-control')?.focus(),
  };
}
