import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router-dom';
import { describeStatus, formatDateTime, formatDuration } from './format';
import type { Recording } from './recording';
import { recordingPath, roomPath } from './recording-links';

/** How many of the room's recordings the strip shows around the current one. */
const AROUND = 12;

/**
 * The same room's other recordings as thumbnails, newest first, with the current one marked.
 * Rooms can have hundreds: the strip shows the nearest ones and links to the room's full list.
 */
export function RecordingRoomStrip({
  recording,
  roomRecordings,
  linkState,
}: {
  recording: Recording;
  roomRecordings: readonly Recording[] | undefined;
  linkState: { from: string } | undefined;
}) {
  const listRef = useRef<HTMLUListElement>(null);
  const { shown, total } = useMemo(() => {
    if (!roomRecordings) return { shown: [], total: 0 };
    const sorted = [...roomRecordings].sort((a, b) => (b.createdAt ?? -Infinity) - (a.createdAt ?? -Infinity));
    const at = Math.max(0, sorted.findIndex((r) => r.id === recording.id));
    const start = Math.max(0, Math.min(at - AROUND, sorted.length - 2 * AROUND - 1));
    return { shown: sorted.slice(start, start + 2 * AROUND + 1), total: sorted.length };
  }, [roomRecordings, recording.id]);

  // Keep the current recording in view inside the strip, without scrolling the page.
  useEffect(() => {
    const list = listRef.current;
    const item = list?.querySelector<HTMLElement>('[aria-current="page"]')?.closest('li');
    if (!list || !item) return;
    const left = item.offsetLeft - list.offsetLeft;
    if (left < list.scrollLeft || left + item.offsetWidth > list.scrollLeft + list.clientWidth) {
      list.scrollLeft = Math.max(0, left - (list.clientWidth - item.offsetWidth) / 2);
    }
  }, [shown, recording.id]);

  if (!recording.roomId || total <= 1) return null;
  const headingId = 'room-strip-heading';

  return (
    <section className="room-strip details__section" aria-labelledby={headingId}>
      <div className="room-strip__header">
        <h2 id={headingId}>
          More from room <span className="room-name">{recording.roomId}</span>
        </h2>
        <Link to={roomPath(recording.roomId)}>
          {shown.length < total ? `All ${total} recordings of this room` : `This room’s list (${total})`}
        </Link>
      </div>
      <ul ref={listRef} className="room-strip__list">
        {shown.map((item) => (
          <li key={item.id}>
            <Link
              className="room-strip__item"
              to={recordingPath(item)}
              state={linkState}
              aria-current={item.id === recording.id ? 'page' : undefined}
            >
              <StripThumbnail src={item.thumbnailSmallUrl ?? item.thumbnailUrl} />
              <span className="room-strip__date">{formatDateTime(item.createdAt)}</span>
              <span className="room-strip__meta">
                {formatDuration(item.durationSeconds)} · {describeStatus(item.status).label}
                {item.id === recording.id ? <span className="room-strip__now"> · now showing</span> : null}
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Decorative here (the link's text names the recording), so its alt text is empty on purpose. */
function StripThumbnail({ src }: { src: string | null }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (!src || failed === src) {
    return (
      <span className="thumb room-strip__thumb thumb--missing" aria-hidden="true">
        <svg viewBox="0 0 24 24" focusable="false">
          <path d="M4 6h11a1 1 0 0 1 1 1v2.5l4-2.5v10l-4-2.5V17a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V7a1 1 0 0 1 1-1z" />
        </svg>
      </span>
    );
  }
  return (
    <img
      className="thumb room-strip__thumb"
      src={src}
      alt=""
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      onError={() => setFailed(src)}
    />
  );
}
