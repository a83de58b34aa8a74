import type { IncomingMessage, ServerResponse } from 'node:http';
import { JSON_TYPE, streamResponse } from './http-io.ts';
import { recordingsJson } from './recordings-json.ts';
import { requestOrigin } from './request-origin.ts';
import type { RecordingsStore } from './store.ts';

export interface RecordingsQuery {
  clientId: string;
  authKey: string;
  roomId?: string;
}

export type Sender = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * What the source said about a query. `denied`: the credentials were refused (`send`, when set,
 * is the upstream's own refusal, passed through verbatim on /get/videos). `ok`: a recordings
 * answer. `unexpected`: an upstream answer that is neither (an error page, a 5xx), still
 * passed through on the contract endpoints but never taken as a successful sign-in.
 */
export type RecordingsAnswer =
  | { outcome: 'denied'; send?: Sender; discard(): void }
  | { outcome: 'ok' | 'unexpected'; send: Sender; discard(): void };

export interface RecordingsSource {
  /** May throw HttpError 502/504 when an upstream cannot be reached. */
  query(query: RecordingsQuery, signal: AbortSignal): Promise<RecordingsAnswer>;
}

export function localRecordings(store: RecordingsStore, publicUrl: string | null): RecordingsSource {
  return {
    async query({ clientId, authKey, roomId }) {
      if (!(await store.verifyClient(clientId, authKey))) return { outcome: 'denied', discard() {} };
      // Opened only when the body is written, so a discarded answer never touches the database.
      function* rows() {
        yield* store.iterateRecordings(clientId, roomId);
      }
      return {
        outcome: 'ok',
        discard() {},
        send: (req, res) =>
          streamResponse(req, res, 200, JSON_TYPE, recordingsJson(rows(), requestOrigin(req, publicUrl), roomId !== undefined)),
      };
    },
  };
}
