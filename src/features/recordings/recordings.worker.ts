/// <reference lib="webworker" />
import { ApiError } from '../../lib/api-error';
import { streamRecordings, type RecordingsRequest } from './recordings-stream';
import type { WorkerMessage } from './load-recordings';

/**
 * Fetches and parses a recordings list off the main thread, so that a 100,000-record answer
 * never freezes the page. One worker per load; the page terminates it to cancel.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<RecordingsRequest>) => {
  const controller = new AbortController();
  try {
    for await (const item of streamRecordings(event.data, controller.signal)) {
      scope.postMessage({ type: 'event', event: item } satisfies WorkerMessage);
    }
  } catch (error) {
    const shape =
      error instanceof ApiError
        ? error.toJSON()
        : { kind: 'malformed' as const, message: 'The recordings list could not be read.' };
    scope.postMessage({ type: 'error', error: shape } satisfies WorkerMessage);
  }
};
