import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { formatDateTime, formatDuration } from './format';
import type { Recording } from './recording';
import { recordingPath } from './recording-links';
import { RecordingThumbnail } from './recording-thumbnail';
import { StatusBadge } from './status-badge';
import { AttentionMarker } from './attention';

const CARD_WIDTH = 232;
const ROW_HEIGHT = 232;

/** Thumbnail cards, virtualized by rows of cards so 100,000 of them stay smooth. */
export function RecordingsGrid({
  records,
  indexes,
  label,
  busy = false,
}: {
  records: readonly Recording[];
  indexes: Uint32Array;
  /** A newer view is being worked out; this one is on screen until it is ready. */
  busy?: boolean;
  label: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const location = useLocation();
  const [width, setWidth] = useState(1200);

  useEffect(() => {
    const element = scrollRef.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry && entry.contentRect.width > 0) setWidth(entry.contentRect.width);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const perRow = Math.max(1, Math.floor(width / CARD_WIDTH));
  const rowCount = Math.ceil(indexes.length / perRow);
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 3,
    initialRect: { width: 1200, height: 800 },
  });
  const from = `${location.pathname}${location.search}`;

  return (
    <div ref={scrollRef} className="table-scroll grid-scroll" tabIndex={0} role="region" aria-label={label} aria-busy={busy || undefined}>
      <ul className="card-grid" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().flatMap((item) => {
          const cards = [];
          for (let column = 0; column < perRow; column += 1) {
            const position = item.index * perRow + column;
            if (position >= indexes.length) break;
            const recording = records[indexes[position]!]!;
            cards.push(
              <li
                key={`${item.key}:${column}`}
                className="card"
                aria-setsize={indexes.length}
                aria-posinset={position + 1}
                style={{
                  transform: `translate(${column * (width / perRow)}px, ${item.start}px)`,
                  width: width / perRow - 12,
                }}
              >
                <Link to={recordingPath(recording)} state={{ from }} className="card__link">
                  <RecordingThumbnail
                    src={recording.thumbnailSmallUrl ?? recording.thumbnailUrl}
                    alt=""
                    className="thumb thumb--card"
                  />
                  <span className="card__title">{recording.roomId || 'Unnamed room'}</span>
                  <span className="card__meta">
                    {formatDateTime(recording.createdAt)} · {formatDuration(recording.durationSeconds)}
                  </span>
                </Link>
                <span className="status-cell">
                  <StatusBadge status={recording.status} />
                  <AttentionMarker recording={recording} />
                </span>
              </li>,
            );
          }
          return cards;
        })}
      </ul>
    </div>
  );
}
