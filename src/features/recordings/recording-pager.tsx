import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { formatDateTime } from './format';
import type { Recording } from './recording';
import { recordingPath } from './recording-links';
import { listNeighbours, type ListOrigin, type Neighbours } from './recording-neighbours';
import { recordingQueries } from './recordings-queries';

const DEFAULT_VIEW = new URLSearchParams();

type Scope = 'list' | 'room' | 'room-instead';

/**
 * Previous and next recording: within the list the user came from (same filters, same order),
 * else within the recording's room, newest first.
 */
export function RecordingPager({
  clientId,
  recording,
  origin,
  roomRecordings,
  roomComplete,
}: {
  clientId: string;
  recording: Recording;
  origin: ListOrigin | null;
  roomRecordings: readonly Recording[] | undefined;
  roomComplete: boolean;
}) {
  // The list the user came from: usually still in the cache; after a reload it loads again.
  const originQuery = useQuery({
    ...(origin?.roomId != null ? recordingQueries.room(clientId, origin.roomId) : recordingQueries.all(clientId)),
    enabled: origin !== null,
  });
  const originSnapshot = origin ? originQuery.data : undefined;

  const result = useMemo<{ neighbours: Neighbours; scope: Scope } | 'loading' | null>(() => {
    let notInList = false;
    if (origin && !originQuery.isError) {
      if (!originSnapshot?.complete) return 'loading';
      const inList = listNeighbours(originSnapshot.records, origin.params, recording.id);
      if (inList) return { neighbours: inList, scope: 'list' };
      notInList = true;
    }
    // No list behind this page (a shared link), the list failed to load, or the recording is not
    // in it (reached from the room strip): the room, newest first.
    if (!roomRecordings || !roomComplete) return 'loading';
    const inRoom = listNeighbours(roomRecordings, DEFAULT_VIEW, recording.id);
    return inRoom ? { neighbours: inRoom, scope: notInList ? 'room-instead' : 'room' } : null;
  }, [origin, originSnapshot, originQuery.isError, roomRecordings, roomComplete, recording.id]);

  if (result === null) return null;
  const linkState = origin ? { from: origin.href } : undefined;

  return (
    <nav className="recording-pager" aria-label="Previous and next recording">
      {result === 'loading' ? (
        <p className="recording-pager__where muted" aria-busy="true">
          Finding the previous and next recording…
        </p>
      ) : (
        <>
          <p className="recording-pager__where">
            <span className="recording-pager__position">
              {result.neighbours.position} of {result.neighbours.total}
            </span>{' '}
            <span className="muted">{describeScope(result.scope, recording.roomId)}</span>
          </p>
          <div className="recording-pager__links">
            <PagerLink target={result.neighbours.previous} direction="previous" state={linkState} />
            <PagerLink target={result.neighbours.next} direction="next" state={linkState} />
          </div>
        </>
      )}
    </nav>
  );
}

function describeScope(scope: Scope, roomId: string): string {
  if (scope === 'list') return 'in the list you came from';
  if (scope === 'room') return `in room ${roomId}, newest first`;
  return `in room ${roomId}, newest first (this recording is not in the list you came from)`;
}

function PagerLink({
  target,
  direction,
  state,
}: {
  target: Recording | null;
  direction: 'previous' | 'next';
  state: { from: string } | undefined;
}) {
  const label = direction === 'previous' ? 'Previous' : 'Next';
  const arrow = direction === 'previous' ? '←' : '→';
  if (!target) {
    return (
      <span className={`recording-pager__link recording-pager__link--${direction} recording-pager__link--none`}>
        <span className="recording-pager__label">
          {direction === 'previous' ? <span aria-hidden="true">{arrow} </span> : null}
          {label}
          {direction === 'next' ? <span aria-hidden="true"> {arrow}</span> : null}
        </span>
        <span className="recording-pager__target">{direction === 'previous' ? 'This is the first' : 'This is the last'}</span>
      </span>
    );
  }
  return (
    <Link
      className={`recording-pager__link recording-pager__link--${direction}`}
      to={recordingPath(target)}
      state={state}
      rel={direction === 'previous' ? 'prev' : 'next'}
    >
      <span className="recording-pager__label">
        {direction === 'previous' ? <span aria-hidden="true">{arrow} </span> : null}
        {label}
        <span className="visually-hidden">:</span>
        {direction === 'next' ? <span aria-hidden="true"> {arrow}</span> : null}
      </span>
      <span className="recording-pager__target">
        {target.roomId || 'No room'} · {formatDateTime(target.createdAt)}
      </span>
    </Link>
  );
}
