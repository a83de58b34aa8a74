/// <reference lib="webworker" />
import { ApiError } from '../../lib/api-error';
import type { WorkerMessage } from './load-recordings';
import type { Recording, UnreadableRecord } from './recording';
import { streamRecordings, type RecordingsRequest, type RecordingsStreamEvent } from './recordings-stream';
import { ColumnsCoder, transferablesOf } from './recordings-columns';
import { columnOrders, defaultSort, emptySummary, extendOrder, orderKey, SORT_COLUMNS, summarize } from './recordings-view';

/**
 * Fetches, parses and sorts a recordings list off the main thread, so that a 100,000-record
 * answer never freezes the page (docs/decisions/0003-loading-large-lists.md). One worker per
 * load; the page terminates it to cancel.
 *
 * What the page receives is shaped for a cheap main thread: batches small enough to deserialize
 * within a frame, the default order kept up to date as rows arrive, and every column's order
 * (both directions) once the list is complete, so the page never sorts a large list itself.
 * The page is told the list is complete first, then gets the orders a column at a time. Each
 * batch comes with its filter columns and summary (recordings-columns.ts), so the page only adds
 * them up.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

/** ~2,000 records deserialize in about 8 ms on the main thread. */
const MAX_BATCH = 2_000;
/**
 * Between deliveries, time for the page to paint what it has. The page re-derives its view once
 * per delivery, so fewer, regular deliveries keep every frame short on a 100,000-row list.
 */
const MIN_INTERVAL_MS = 200;

scope.onmessage = async (message: MessageEvent<RecordingsRequest>) => {
  const controller = new AbortController();
  const all: Recording[] = [];
  const coder = new ColumnsCoder();
  let order: Uint32Array = new Uint32Array(0);
  let pending: Recording[] = [];
  let pendingUnreadable: UnreadableRecord[] = [];
  let lastPost = 0;
  let bytes = 0;
  let totalBytes: number | null = null;

  const post = (event: RecordingsStreamEvent, transfer: Transferable[] = []) => {
    scope.postMessage({ type: 'event', event } satisfies WorkerMessage, transfer);
  };

  const flush = (force: boolean) => {
    while (pending.length > 0 || pendingUnreadable.length > 0 || force) {
      const records = pending.slice(0, MAX_BATCH);
      pending = pending.slice(records.length);
      const start = all.length;
      for (const record of records) all.push(record);
      if (records.length > 0) order = extendOrder(all, order, defaultSort);
      const defaultOrder = order.slice();
      const columns = coder.batch(records);
      post(
        {
          type: 'batch',
          records,
          unreadable: pendingUnreadable,
          bytes,
          totalBytes,
          orders: { [orderKey(defaultSort)]: defaultOrder },
          firstIndex: start,
          columns,
          summary: summarize(emptySummary, records),
        },
        [defaultOrder.buffer, ...transferablesOf(columns)],
      );
      pendingUnreadable = [];
      force = false;
    }
    lastPost = performance.now();
  };

  try {
    for await (const event of streamRecordings(message.data, controller.signal)) {
      if (event.type === 'done') {
        flush(false);
        post({ type: 'done', bytes: event.bytes, ordersToFollow: true });
        postOrders(all, post);
        scope.postMessage({ type: 'end' } satisfies WorkerMessage);
        break;
      }
      if (event.type !== 'batch') continue;
      bytes = event.bytes;
      totalBytes = event.totalBytes;
      for (const record of event.records) pending.push(record);
      for (const item of event.unreadable) pendingUnreadable.push(item);
      const first = all.length === 0 && pending.length > 0;
      const due = performance.now() - lastPost >= MIN_INTERVAL_MS;
      if (first || due) flush(pending.length === 0);
    }
  } catch (error) {
    const shape =
      error instanceof ApiError
        ? error.toJSON()
        : { kind: 'malformed' as const, message: 'The recordings list could not be read.' };
    scope.postMessage({ type: 'error', error: shape } satisfies WorkerMessage);
  }
};

/**
 * Every column's orders, both directions, sent a column at a time as each is ready (the page
 * keeps showing the order it has until the one asked for arrives). Ids come last: they are the
 * slowest to sort and the least asked for. A failure here is no failure of the list: the page
 * sorts for itself what it did not get.
 */
function postOrders(all: Recording[], post: (event: RecordingsStreamEvent, transfer?: Transferable[]) => void) {
  try {
    SORT_COLUMNS.forEach((column, k) => {
      const orders = columnOrders(all, column);
      const copies: Record<string, Uint32Array> = {};
      for (const [key, value] of Object.entries(orders)) copies[key] = value.slice();
      post({ type: 'orders', orders: copies, last: k === SORT_COLUMNS.length - 1 }, Object.values(copies).map((copy) => copy.buffer));
    });
  } catch {
    post({ type: 'orders', orders: {}, last: true });
  }
}
