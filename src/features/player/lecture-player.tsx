import { Component, lazy, Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { readPlaybackRate, writePlaybackRate } from './playback-preferences';
import { formatClock, loadTimeoutMessage, type PlayerControls, type PlayerEvent } from './player-controls';
import type { ShortcutAction } from './player-shortcuts';
import type { PlayerSource } from './player-source';
import { forgetResumePosition, readResumePosition, saveResumePosition } from './resume-positions';
import { ShortcutsDialog } from './shortcuts-dialog';
import { usePlayerShortcuts } from './use-player-shortcuts';
import './player.css';

// video.js is ~200 KB: its chunk loads only when a player is about to appear, never with the first page.
const loadVideoJsPlayer = () => import('./video-js-player');
const VideoJsPlayer = lazy(loadVideoJsPlayer);

/** Starts downloading the player early (say, when a pointer rests on a link to a recording). */
export function preloadLecturePlayer(): void {
  void loadVideoJsPlayer().catch(() => undefined);
}

const DEFAULT_LOAD_TIMEOUT_MS = 15_000;
/** How often, at most, the position is written while playing (pause, seek and leaving always write). */
const SAVE_EVERY_MS = 5_000;

export interface LecturePlayerProps {
  /** Identifies the recording, and is the key its resume position is kept under (see resumeKey()). */
  mediaKey: string;
  sources: PlayerSource[];
  /** The full-size picture, shown before playback. */
  poster: string | null;
  /** A small picture that is usually cached already: shown at once while the player loads. */
  placeholder: string | null;
  title: string;
  portrait: boolean;
  /** Where to open the file directly when it cannot be played here. */
  directLink: string | null;
  /** A start time from a shared link (`?t=`); it wins over the resume position. */
  startAt: number | null;
  /** The address of this recording at a time, for the share button; null hides the button. */
  shareUrl: ((seconds: number) => string) | null;
  loadTimeoutMs?: number;
}

/** A player that never fails silently: a clear message and a direct link instead. */
export function LecturePlayer(props: LecturePlayerProps) {
  if (props.sources.length === 0) {
    return (
      <div className="lecture-player">
        <div className={stageClass(props.portrait)}>
          <PlayerMessage
            image={props.poster ?? props.placeholder}
            title="Nothing to play yet"
            message="This recording has no video file yet. It appears here once the classroom has uploaded it."
            link={null}
          />
        </div>
      </div>
    );
  }
  return (
    <PlayerBoundary
      fallback={
        <div className="lecture-player">
          <div className={stageClass(props.portrait)}>
            <PlayerMessage
              image={props.poster ?? props.placeholder}
              title="The player could not be loaded"
              message="Part of this page did not download, perhaps because the connection dropped or the dashboard was just updated. Reloading the page usually helps."
              link={props.directLink}
              action={
                <button type="button" className="button" onClick={() => window.location.reload()}>
                  Reload the page
                </button>
              }
            />
          </div>
        </div>
      }
    >
      <PlayingLecture {...props} />
    </PlayerBoundary>
  );
}

interface Opening {
  mediaKey: string;
  startTime: number;
  /** Set when the start time came from the viewer's last visit: the "Resumed at" control shows. */
  resumedFrom: number | null;
}

function openingFor(mediaKey: string, startAt: number | null): Opening {
  if (startAt !== null && startAt > 0) return { mediaKey, startTime: startAt, resumedFrom: null };
  const resumed = readResumePosition(mediaKey);
  return { mediaKey, startTime: resumed ?? 0, resumedFrom: resumed };
}

interface Failure {
  mediaKey: string;
  kind: 'error' | 'timeout';
  message: string;
}

function PlayingLecture({
  mediaKey,
  sources,
  poster,
  placeholder,
  title,
  portrait,
  directLink,
  startAt,
  shareUrl,
  loadTimeoutMs = DEFAULT_LOAD_TIMEOUT_MS,
}: LecturePlayerProps) {
  const stageRef = useRef<HTMLDivElement>(null);
  const lastSaveRef = useRef(0);
  const [controls, setControls] = useState<PlayerControls | null>(null);
  const [rate, setRate] = useState(() => readPlaybackRate());
  const [failure, setFailure] = useState<Failure | null>(null);
  const [clock, setClock] = useState<{ mediaKey: string; seconds: number } | null>(null);
  const [feedback, setFeedback] = useState<{ text: string; serial: number } | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [reloadToken, setReloadToken] = useState(0);

  // Where this recording starts is decided once, when it arrives (React's "adjust state when a
  // prop changes"): saving positions while it plays must not move its start or its notice.
  const [opening, setOpening] = useState(() => openingFor(mediaKey, startAt));
  let current = opening;
  if (opening.mediaKey !== mediaKey) {
    current = openingFor(mediaKey, startAt);
    setOpening(current);
  }

  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), 1500);
    return () => clearTimeout(timer);
  }, [feedback]);

  const say = (text: string) => setFeedback((previous) => ({ text, serial: (previous?.serial ?? 0) + 1 }));

  const handleEvent = (event: PlayerEvent) => {
    switch (event.type) {
      case 'ready':
        setControls(event.controls);
        return;
      case 'loading':
        setFailure(null);
        lastSaveRef.current = Date.now();
        return;
      case 'metadata':
        // The media is loading after all (a slow host answered; a stale error was not about it).
        setFailure((previous) => (previous?.mediaKey === event.mediaKey ? null : previous));
        return;
      case 'progress': {
        const seconds = Math.floor(event.currentTime);
        setClock((previous) =>
          previous?.mediaKey === event.mediaKey && previous.seconds === seconds ? previous : { mediaKey: event.mediaKey, seconds },
        );
        const now = Date.now();
        if (event.reason === 'time' && now - lastSaveRef.current < SAVE_EVERY_MS) return;
        lastSaveRef.current = now;
        saveResumePosition(event.mediaKey, event.currentTime, event.duration);
        return;
      }
      case 'ended':
        forgetResumePosition(event.mediaKey);
        return;
      case 'error':
        setFailure({ mediaKey: event.mediaKey, kind: 'error', message: event.message });
        return;
      case 'timeout':
        setFailure({ mediaKey: event.mediaKey, kind: 'timeout', message: loadTimeoutMessage(loadTimeoutMs) });
        return;
      case 'rate':
        setRate(event.rate);
        writePlaybackRate(event.rate);
        return;
    }
  };

  const onShortcut = (action: ShortcutAction) => {
    if (action.kind === 'help') {
      setHelpOpen(true);
      return;
    }
    if (!controls) return;
    switch (action.kind) {
      case 'toggle-play':
        controls.togglePlay();
        return;
      case 'seek': {
        const at = controls.seekBy(action.seconds);
        say(`${action.seconds > 0 ? 'Forward' : 'Back'} ${Math.abs(action.seconds)} s · ${formatClock(at)}`);
        return;
      }
      case 'volume':
        say(`Volume ${Math.round(controls.changeVolume(action.delta) * 100)}%`);
        return;
      case 'mute':
        say(controls.toggleMute() ? 'Muted' : 'Sound on');
        return;
      case 'fullscreen':
        controls.toggleFullscreen();
        return;
      case 'rate':
        say(`Speed ${formatRate(controls.stepRate(action.direction))}`);
        return;
    }
  };

  usePlayerShortcuts({ enabled: !helpOpen, playerRef: stageRef, onAction: onShortcut });

  const startOver = () => {
    forgetResumePosition(mediaKey);
    controls?.seekTo(0);
    setOpening({ ...current, resumedFrom: null });
    controls?.focus();
  };

  const shownFailure = failure && failure.mediaKey === mediaKey ? failure : null;
  const seconds = clock?.mediaKey === mediaKey ? clock.seconds : Math.floor(current.startTime);

  return (
    <div className="lecture-player">
      <div ref={stageRef} className={stageClass(portrait)}>
        <Suspense fallback={<PlayerPlaceholder poster={poster} placeholder={placeholder} />}>
          <VideoJsPlayer
            mediaKey={mediaKey}
            sources={sources}
            poster={poster}
            title={title}
            portrait={portrait}
            startTime={current.startTime}
            playbackRate={rate}
            loadTimeoutMs={loadTimeoutMs}
            reloadToken={reloadToken}
            onEvent={handleEvent}
          />
        </Suspense>
        {shownFailure ? (
          <PlayerMessage
            image={null}
            title={shownFailure.kind === 'timeout' ? 'The video is not loading' : 'This video cannot be played here'}
            message={shownFailure.message}
            link={directLink}
            action={
              <button type="button" className="button" onClick={() => setReloadToken((token) => token + 1)}>
                Try again
              </button>
            }
          />
        ) : null}
        <div className={`lecture-player__feedback ${feedback ? 'lecture-player__feedback--shown' : ''}`} role="status">
          {feedback?.text ?? ''}
        </div>
      </div>

      <div className="lecture-player__bar">
        {current.resumedFrom !== null ? (
          <p className="lecture-player__resumed">
            <span>Resumed at {formatClock(current.resumedFrom)}</span>
            <span aria-hidden="true"> · </span>
            <button type="button" className="button button--link" onClick={startOver}>
              Start over
            </button>
          </p>
        ) : null}
        <span className="lecture-player__spacer" />
        {rate !== 1 ? <span className="lecture-player__rate">Speed {formatRate(rate)}</span> : null}
        {shareUrl ? <ShareButton url={shareUrl(seconds)} seconds={seconds} /> : null}
        <button
          type="button"
          className="button button--small"
          aria-haspopup="dialog"
          aria-keyshortcuts="?"
          onClick={() => setHelpOpen(true)}
        >
          Keyboard shortcuts <kbd aria-hidden="true">?</kbd>
        </button>
      </div>
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

function ShareButton({ url, seconds }: { url: string; seconds: number }) {
  const [state, setState] = useState<{ copied: string } | { failed: string } | null>(null);
  useEffect(() => {
    if (!state || 'failed' in state) return;
    const timer = setTimeout(() => setState(null), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  const at = seconds > 0 ? formatClock(seconds) : null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setState({ copied: url });
    } catch {
      setState({ failed: url });
    }
  };
  return (
    <span className="lecture-player__share">
      <button type="button" className="button button--small" onClick={copy}>
        {at ? `Copy link at ${at}` : 'Copy link'}
      </button>
      <span role="status" className={state && 'failed' in state ? 'lecture-player__share-failed' : 'visually-hidden'}>
        {state === null ? '' : 'copied' in state ? 'Link copied' : <>Copying failed; the link is <code>{state.failed}</code></>}
      </span>
    </span>
  );
}

function formatRate(rate: number): string {
  return `${rate}×`;
}

function stageClass(portrait: boolean): string {
  return `lecture-player__stage ${portrait ? 'lecture-player__stage--portrait' : ''}`;
}

/** While video.js downloads: the small thumbnail at once, the full one over it once it arrives. */
function PlayerPlaceholder({ poster, placeholder }: { poster: string | null; placeholder: string | null }) {
  return (
    <div className="lecture-player__placeholder" aria-busy="true">
      {placeholder ? <img src={placeholder} alt="" className="lecture-player__placeholder-small" referrerPolicy="no-referrer" /> : null}
      {poster ? <img src={poster} alt="" className="lecture-player__placeholder-full" referrerPolicy="no-referrer" /> : null}
      <span className="visually-hidden">Loading the player…</span>
    </div>
  );
}

function PlayerMessage({
  image,
  title,
  message,
  link,
  action,
}: {
  image: string | null;
  title: string;
  message: string;
  link: string | null;
  action?: ReactNode;
}) {
  return (
    <div className="lecture-player__message" role="alert">
      {image ? <img src={image} alt="" className="lecture-player__message-image" referrerPolicy="no-referrer" /> : null}
      <div className="lecture-player__message-text">
        <h2>{title}</h2>
        <p>{message}</p>
        <div className="lecture-player__message-actions">
          {link ? (
            <a className="button button--primary" href={link} target="_blank" rel="noopener noreferrer">
              Open the video file directly<span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          ) : null}
          {action}
        </div>
      </div>
    </div>
  );
}

/** The player's chunk failed to load (offline, or a new version was deployed): say so, offer a way on. */
class PlayerBoundary extends Component<{ children: ReactNode; fallback: ReactNode }, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
