import { fromRow, type RecordingRow } from './recording-fields.ts';

const CHUNK_CHARS = 256 * 1024;

/**
 * The contract's envelope, written piecewise: `{"status":true,"obj":[...]}` for all recordings,
 * `{"status":true,"obj":{"recordings":[...]}}` for one room. Yields ~256 KB strings so that
 * 100k records (~85 MB) are never one string; returning early closes the row iterator.
 */
export function* recordingsJson(rows: Iterable<RecordingRow>, origin: string, room: boolean): Generator<string> {
  let buffer = room ? '{"status":true,"obj":{"recordings":[' : '{"status":true,"obj":[';
  let first = true;
  for (const row of rows) {
    buffer += (first ? '' : ',') + JSON.stringify(fromRow(row, origin));
    first = false;
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer;
      buffer = '';
    }
  }
  yield buffer + (room ? ']}}' : ']}');
}
