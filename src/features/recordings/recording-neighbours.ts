import type { Recording } from './recording';
import { visibleIndexes } from './recordings-view';
import { readViewState } from './use-recordings-view-state';

/**
 * Previous and next within the list the user came from, with its filters and order.
 *
 * The list travels in the history entry's state (`{ from: '/rooms/x?status=SENT' }`, set by the
 * table's links), not in the detail URL: a reload or Back/Forward keeps it (browsers keep
 * history.state across reloads), while a shared or bookmarked detail link stays the recording's
 * one canonical address and opens with the room's list in its default order. See
 * docs/decisions/0006-player-lifecycle.md.
 */
export interface ListOrigin {
  /** Where "Back to the list" goes: the list's path and search, as the user left it. */
  href: string;
  /** The room of a room's list; null for the account's list. */
  roomId: string | null;
  /** The list's view (filters and sort), in its URL form. */
  params: URLSearchParams;
}

/** Reads the `from` the table put into the history state; anything else is no origin. */
export function listOriginFrom(state: unknown): ListOrigin | null {
  const from = typeof state === 'object' && state !== null ? (state as { from?: unknown }).from : undefined;
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//')) return null;
  let url: URL;
  try {
    url = new URL(from, 'http://origin.invalid');
  } catch {
    return null;
  }
  if (url.pathname === '/') return { href: from, roomId: null, params: url.searchParams };
  const room = /^\/rooms\/([^/]+)\/?$/.exec(url.pathname)?.[1];
  if (room === undefined) return null;
  try {
    return { href: from, roomId: decodeURIComponent(room), params: url.searchParams };
  } catch {
    return null;
  }
}

export interface Neighbours {
  previous: Recording | null;
  next: Recording | null;
  /** 1-based place of the recording in the list. */
  position: number;
  total: number;
}

/** The recording's neighbours among `indexes` (an ordered view of `records`); null when it is not there. */
export function neighboursIn(records: readonly Recording[], indexes: Uint32Array, recordingId: string): Neighbours | null {
  for (let k = 0; k < indexes.length; k += 1) {
    if (records[indexes[k]!]!.id !== recordingId) continue;
    return {
      previous: k > 0 ? records[indexes[k - 1]!]! : null,
      next: k < indexes.length - 1 ? records[indexes[k + 1]!]! : null,
      position: k + 1,
      total: indexes.length,
    };
  }
  return null;
}

/** Neighbours in a list shown with the view state in `params` (filters, search, sort). */
export function listNeighbours(
  records: readonly Recording[],
  params: URLSearchParams,
  recordingId: string,
  now = Date.now(),
): Neighbours | null {
  const { filters, sort } = readViewState(params);
  return neighboursIn(records, visibleIndexes(records, filters, sort, now), recordingId);
}
