import { useEffect, useEffectEvent, useRef, useState } from 'react';
import videojs from 'video.js';
import type Player from 'video.js/dist/types/player';
import 'video.js/dist/video-js.css';
import type { PlayerSource } from './player-source';

/**
 * The one file that imports video.js (loaded lazily by lecture-player.tsx). One player per
 * mount, created into an element React never touches, disposed on unmount; a new recording
 * swaps source and poster on the same player.
 */
export interface VideoJsPlayerProps {
  sources: PlayerSource[];
  poster: string | null;
  title: string;
  portrait: boolean;
  onError: (message: string) => void;
}

const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2];

export default function VideoJsPlayer({ sources, poster, title, portrait, onError }: VideoJsPlayerProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const [player, setPlayer] = useState<Player | null>(null);
  const reportError = useEffectEvent((message: string) => onError(message));

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const element = document.createElement('video-js');
    element.classList.add('vjs-big-play-centered');
    element.setAttribute('playsinline', '');
    container.appendChild(element);
    const created = videojs(element, {
      controls: true,
      preload: 'metadata',
      fluid: true,
      playbackRates: PLAYBACK_RATES,
      html5: { nativeTextTracks: false },
      controlBar: { pictureInPictureToggle: true, skipButtons: { forward: 10, backward: 10 } },
    });
    created.on('error', () => {
      const error = created.error();
      reportError(describeMediaError(error?.code));
    });
    setPlayer(created);
    return () => {
      if (!created.isDisposed()) created.dispose();
      setPlayer(null);
    };
  }, []);

  useEffect(() => {
    if (!player) return;
    player.error(null);
    player.poster(poster ?? '');
    player.src(sources);
  }, [player, sources, poster]);

  useEffect(() => {
    if (!player) return;
    player.el().setAttribute('aria-label', `Video player: ${title}`);
  }, [player, title]);

  return <div ref={containerRef} className={`player ${portrait ? 'player--portrait' : ''}`} data-testid="video-player" />;
}

function describeMediaError(code: number | undefined): string {
  switch (code) {
    case 1:
      return 'Playback was stopped before the video loaded.';
    case 2:
      return 'The video could not be downloaded: the media host did not answer or the connection broke.';
    case 3:
      return 'The video file is damaged or in a format this browser cannot decode.';
    case 4:
      return 'The video could not be loaded: the link does not work (the file is missing or the host is unreachable) or the format is not supported.';
    default:
      return 'The video could not be played.';
  }
}
