import { ApiError, type ApiErrorShape } from '../../lib/api-error';
import { readDirectCredentials } from '../../lib/direct-credentials';
import { streamRecordings, type RecordingsRequest, type RecordingsStreamEvent } from './recordings-stream';

export type WorkerMessage =
  | { type: 'event'; event: RecordingsStreamEvent }
  | { type: 'error'; error: ApiErrorShape }
  /** Nothing more will come: the list and its orders have all been sent. */
  | { type: 'end' };

/**
 * Loads a recordings list in a dedicated worker (docs/decisions/0003-loading-large-lists.md).
 * Where the platform has no workers (jsdom in component tests) the same stream runs in-thread.
 */
export function loadRecordings(request: RecordingsRequest, signal: AbortSignal): AsyncIterable<RecordingsStreamEvent> {
  if (typeof Worker === 'undefined') return streamRecordings(request, signal);
  return loadInWorker(request, signal);
}

async function* loadInWorker(request: RecordingsRequest, signal: AbortSignal): AsyncGenerator<RecordingsStreamEvent> {
  const worker = new Worker(new URL('./recordings.worker.ts', import.meta.url), { type: 'module', name: 'recordings' });
  const queue: WorkerMessage[] = [];
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
    queue.push(event.data);
    notify();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    queue.push({ type: 'error', error: { kind: 'malformed', message: 'The recordings list could not be read.' } });
    notify();
  };
  const abort = () => notify();
  signal.addEventListener('abort', abort);
  // Direct mode: the worker cannot read sessionStorage, so the page hands it the credentials.
  const credentials = readDirectCredentials();
  worker.postMessage(credentials ? { ...request, credentials } : request);
  try {
    for (;;) {
      if (signal.aborted) return;
      const message = queue.shift();
      if (!message) {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
        continue;
      }
      if (message.type === 'error') throw new ApiError(message.error);
      if (message.type === 'end') return;
      yield message.event;
    }
  } finally {
    signal.removeEventListener('abort', abort);
    worker.terminate();
  }
}
