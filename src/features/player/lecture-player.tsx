import { lazy, Suspense, useState } from 'react';
import type { PlayerSource } from './player-source';

// video.js is ~200 KB: it loads only when a player is about to appear, never with the first page.
const VideoJsPlayer = lazy(() => import('./video-js-player'));

export interface LecturePlayerProps {
  sources: PlayerSource[];
  poster: string | null;
  title: string;
  portrait: boolean;
  /** Where to open the file directly when it cannot be played here. */
  directLink: string | null;
}

/** A player that never fails silently: a clear message and a direct link instead. */
export function LecturePlayer({ sources, poster, title, portrait, directLink }: LecturePlayerProps) {
  const [failure, setFailure] = useState<{ src: string | undefined; message: string } | null>(null);
  const currentSrc = sources[0]?.src;
  const failed = failure && failure.src === currentSrc ? failure.message : null;

  if (sources.length === 0) {
    return <PlayerMessage poster={poster} title="Nothing to play yet" message="This recording has no video file yet." link={null} />;
  }
  return (
    <div className="player-frame">
      <Suspense fallback={<PlayerPlaceholder poster={poster} portrait={portrait} />}>
        <VideoJsPlayer
          sources={sources}
          poster={poster}
          title={title}
          portrait={portrait}
          onError={(message) => setFailure({ src: currentSrc, message })}
        />
      </Suspense>
      {failed ? <PlayerMessage poster={null} title="This video cannot be played here" message={failed} link={directLink} /> : null}
    </div>
  );
}

function PlayerPlaceholder({ poster, portrait }: { poster: string | null; portrait: boolean }) {
  return (
    <div className={`player player--placeholder ${portrait ? 'player--portrait' : ''}`} aria-busy="true">
      {poster ? <img src={poster} alt="" className="player__poster" /> : null}
      <span className="visually-hidden">Loading the player…</span>
    </div>
  );
}

function PlayerMessage({
  poster,
  title,
  message,
  link,
}: {
  poster: string | null;
  title: string;
  message: string;
  link: string | null;
}) {
  return (
    <div className="player-message" role="alert">
      {poster ? <img src={poster} alt="" className="player__poster" /> : null}
      <div className="player-message__text">
        <h2>{title}</h2>
        <p>{message}</p>
        {link ? (
          <a className="button" href={link} target="_blank" rel="noopener noreferrer">
            Open the video file directly
          </a>
        ) : null}
      </div>
    </div>
  );
}
