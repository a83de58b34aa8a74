import type { Recording } from './recording';

/**
 * A list's filter fields as columns: typed arrays and value codes, plus its search text in a few
 * long strings. A filter pass then reads a few numbers per record instead of chasing 100,000
 * record objects around the heap, and a search is `indexOf` over those strings. Built once per
 * list, a batch at a time as the list streams in (`extendColumns`): O(batch), never O(list).
 */

/** The codes of one text field's values, in the order they were first seen. */
export class ValueCodes {
  constructor(private readonly codes = new Map<string, number>()) {}
  copy(): ValueCodes {
    return new ValueCodes(new Map(this.codes));
  }
  code(value: string): number {
    let code = this.codes.get(value);
    if (code === undefined) {
      code = this.codes.size;
      this.codes.set(value, code);
    }
    return code;
  }
  /** Which codes stand for one of `values` (values never seen have no code, so match nothing). */
  allowing(values: readonly string[]): Uint8Array {
    const allowed = new Uint8Array(this.codes.size);
    for (const value of values) {
      const code = this.codes.get(value);
      if (code !== undefined) allowed[code] = 1;
    }
    return allowed;
  }
}

function copyCodes(codes: ListColumns['codes']): ListColumns['codes'] {
  return { status: codes.status.copy(), mode: codes.mode.copy(), client: codes.client.copy(), room: codes.room.copy() };
}

/** Records' search texts joined, with where each one starts. */
export interface SearchChunk {
  first: number;
  text: string;
  /** Offset of each record's text in `text`, and one past the end: `count + 1` entries. */
  starts: Uint32Array;
}

export interface ListColumns {
  length: number;
  /** Epoch ms; NaN when missing. */
  created: Float64Array;
  /** Seconds; NaN when missing. */
  duration: Float64Array;
  /** Value codes; a missing status or mode is coded as `MISSING` is (`''`). */
  status: Uint32Array;
  mode: Uint32Array;
  client: Uint32Array;
  room: Uint32Array;
  /** 1 when not yet PROCESSED or SENT. */
  unfinished: Uint8Array;
  codes: { status: ValueCodes; mode: ValueCodes; client: ValueCodes; room: ValueCodes };
  search: readonly SearchChunk[];
  /** How far the shared arrays have been written, by whichever list extended them last. */
  written: { length: number };
}

const FINISHED = new Set(['PROCESSED', 'SENT']);
const SEPARATOR = '\n';

export function isFinished(status: string | null): boolean {
  return status !== null && FINISHED.has(status.toUpperCase());
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(
  array: T,
  used: number,
  length: number,
  fresh: boolean,
  make: (size: number) => T,
): T {
  if (array.length >= length && !fresh) return array;
  const next = make(Math.max(length, array.length * 2, 1024));
  next.set(array.subarray(0, used));
  return next;
}

const emptyColumns = (): ListColumns => ({
  length: 0,
  created: new Float64Array(0),
  duration: new Float64Array(0),
  status: new Uint32Array(0),
  mode: new Uint32Array(0),
  client: new Uint32Array(0),
  room: new Uint32Array(0),
  unfinished: new Uint8Array(0),
  codes: { status: new ValueCodes(), mode: new ValueCodes(), client: new ValueCodes(), room: new ValueCodes() },
  search: [],
  written: { length: 0 },
});

/** Records per search chunk: a chunk is what one slice of a search pass scans at least. */
const CHUNK_RECORDS = 4_096;

/**
 * The columns of `previous`'s records followed by `added`. The arrays grow in place, with room to
 * spare, so an older `ListColumns` stays right for its own (shorter) length.
 */
export function extendColumns(previous: ListColumns, added: readonly Recording[]): ListColumns {
  if (added.length === 0) return previous;
  const start = previous.length;
  const length = start + added.length;
  // Another list was already made from `previous`: its rows are in the arrays past `start`.
  const fresh = previous.written.length !== start;
  const make = <T extends Float64Array | Uint32Array | Uint8Array>(array: T, create: (size: number) => T) =>
    grow(array, start, length, fresh, create);
  const columns: ListColumns = {
    length,
    created: make(previous.created, (n) => new Float64Array(n)),
    duration: make(previous.duration, (n) => new Float64Array(n)),
    status: make(previous.status, (n) => new Uint32Array(n)),
    mode: make(previous.mode, (n) => new Uint32Array(n)),
    client: make(previous.client, (n) => new Uint32Array(n)),
    room: make(previous.room, (n) => new Uint32Array(n)),
    unfinished: make(previous.unfinished, (n) => new Uint8Array(n)),
    codes: fresh ? copyCodes(previous.codes) : previous.codes,
    search: previous.search,
    written: fresh ? { length } : previous.written,
  };
  columns.written.length = length;
  const { codes } = columns;
  const search = [...previous.search];
  for (let from = 0; from < added.length; from += CHUNK_RECORDS) {
    const to = Math.min(added.length, from + CHUNK_RECORDS);
    const starts = new Uint32Array(to - from + 1);
    const texts: string[] = [];
    let offset = 0;
    for (let k = from; k < to; k += 1) {
      const record = added[k]!;
      const i = start + k;
      columns.created[i] = record.createdAt ?? NaN;
      columns.duration[i] = record.durationSeconds ?? NaN;
      columns.status[i] = codes.status.code(record.status ?? '');
      columns.mode[i] = codes.mode.code(record.mode ?? '');
      columns.client[i] = codes.client.code(record.clientId);
      columns.room[i] = codes.room.code(record.roomId);
      columns.unfinished[i] = isFinished(record.status) ? 0 : 1;
      starts[k - from] = offset;
      offset += record.searchText.length + SEPARATOR.length;
      texts.push(record.searchText);
    }
    starts[to - from] = offset;
    search.push({ first: start + from, text: texts.join(SEPARATOR) + SEPARATOR, starts });
  }
  columns.search = search;
  return columns;
}

const cache = new WeakMap<readonly Recording[], ListColumns>();

/**
 * The columns of exactly this list. A list that streamed in was given its columns batch by batch
 * (`primeColumns`); any other list gets them built here once.
 */
export function columnsFor(records: readonly Recording[]): ListColumns {
  let columns = cache.get(records);
  if (!columns) {
    columns = extendColumns(emptyColumns(), records);
    cache.set(records, columns);
  }
  return columns;
}

/** `next` is `previous` with `added` at its end: its columns are `previous`'s, extended. */
export function primeColumns(next: readonly Recording[], previous: readonly Recording[], added: readonly Recording[]): void {
  if (next.length !== previous.length + added.length) return;
  cache.set(next, extendColumns(columnsFor(previous), added));
}

/**
 * Marks in `into` (indexed like the list) every record whose search text contains `needle`,
 * scanning `chunk`. Exactly `searchText.includes(needle)`: a match running over into the next
 * record's text does not count.
 */
export function markMatches(chunk: SearchChunk, needle: string, into: Uint8Array): void {
  const { text, starts, first } = chunk;
  let record = 0;
  let from = 0;
  for (;;) {
    const at = text.indexOf(needle, from);
    if (at < 0) return;
    while (starts[record + 1]! <= at) record += 1;
    const end = starts[record + 1]! - SEPARATOR.length;
    if (at + needle.length <= end) {
      into[first + record] = 1;
      from = starts[record + 1]!;
    } else {
      from = at + 1;
    }
  }
}
