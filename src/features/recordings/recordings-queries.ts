import { queryOptions, experimental_streamedQuery as streamedQuery } from '@tanstack/react-query';
import { loadRecordings } from './load-recordings';
import type { Recording, UnreadableRecord } from './recording';
import { primeColumns } from './recordings-columns';
import type { RecordingsStreamEvent } from './recordings-stream';
import { emptySummary, mergeSummaries, primeOrders, summarize, type ListSummary } from './recordings-view';

/** A list as it stands: complete, or still streaming in. */
export interface RecordingsSnapshot {
  records: Recording[];
  /** Facet counts, total duration and unfinished recordings, kept up to date per batch. */
  summary: ListSummary;
  unreadable: UnreadableRecord[];
  bytes: number;
  totalBytes: number | null;
  complete: boolean;
  /** Complete, and the loading worker is still sending the list's sort orders. */
  ordersToFollow: boolean;
}

export const emptySnapshot: RecordingsSnapshot = Object.freeze({
  records: [],
  summary: emptySummary,
  unreadable: [],
  bytes: 0,
  totalBytes: null,
  complete: false,
  ordersToFollow: false,
}) as RecordingsSnapshot;

function reduce(snapshot: RecordingsSnapshot, event: RecordingsStreamEvent): RecordingsSnapshot {
  if (event.type === 'done') return { ...snapshot, bytes: event.bytes, complete: true, ordersToFollow: event.ordersToFollow ?? false };
  if (event.type === 'orders') {
    primeOrders(snapshot.records, event.orders);
    // A new snapshot, so that a view waiting for one of these orders is drawn again.
    return { ...snapshot, ordersToFollow: !event.last };
  }
  const records = event.records.length > 0 ? snapshot.records.concat(event.records) : snapshot.records;
  if (event.orders) primeOrders(records, event.orders);
  if (records !== snapshot.records) primeColumns(records, snapshot.records, event.records, event.columns);
  const summary =
    event.records.length === 0 ? snapshot.summary : event.summary ? mergeSummaries(snapshot.summary, event.summary) : summarize(snapshot.summary, event.records);
  return {
    records,
    summary,
    unreadable: event.unreadable.length > 0 ? snapshot.unreadable.concat(event.unreadable) : snapshot.unreadable,
    bytes: event.bytes,
    totalBytes: event.totalBytes,
    complete: false,
    ordersToFollow: false,
  };
}

function listQuery(clientId: string, roomId: string | null) {
  return queryOptions({
    queryKey: ['recordings', clientId, roomId] as readonly ['recordings', string, string | null],
    queryFn: streamedQuery({
      streamFn: ({ signal }) => loadRecordings(roomId === null ? {} : { roomId }, signal),
      reducer: reduce,
      initialValue: emptySnapshot,
      // A refresh keeps the rows on screen until the new list is complete.
      refetchMode: 'replace',
    }),
  });
}

/**
 * The one place recordings query keys are made. Keys carry the client id (so two accounts never
 * share a cache entry), never the auth key. A room's list is its own entry (`room_id` query).
 */
export const recordingQueries = {
  root: () => ['recordings'] as const,
  all: (clientId: string) => listQuery(clientId, null),
  room: (clientId: string, roomId: string) => listQuery(clientId, roomId),
};

export type RecordingsListQuery = ReturnType<typeof listQuery>;
