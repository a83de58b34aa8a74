import type { Recording } from './recording';
import { searchTextOf } from './recording-schema';

/**
 * A list's filter fields as columns: typed arrays and value codes, plus its search text in a few
 * long strings. A filter pass then reads a few numbers per record instead of chasing 100,000
 * record objects around the heap, and a search is `indexOf` over those strings.
 *
 * Columns are made a batch at a time where the batch is read (`batchColumns`, in the loading
 * worker) and appended on the page (`appendColumns`): the page only copies arrays, O(batch),
 * never O(list). A list that did not stream in gets its columns made once (`columnsFor`).
 */

export type CodedField = 'status' | 'mode' | 'client' | 'room';
const CODED: readonly CodedField[] = ['status', 'mode', 'client', 'room'];

/** The codes of one text field's values, in the order they were first seen. */
export class ValueCodes {
  private readonly codes = new Map<string, number>();
  get size(): number {
    return this.codes.size;
  }
  get(value: string): number | undefined {
    return this.codes.get(value);
  }
  /** A copy with only the first `count` codes. */
  first(count: number): ValueCodes {
    const copy = new ValueCodes();
    for (const value of this.codes.keys()) {
      if (copy.size >= count) break;
      copy.codes.set(value, copy.size);
    }
    return copy;
  }
  add(values: readonly string[]): void {
    for (const value of values) if (!this.codes.has(value)) this.codes.set(value, this.codes.size);
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

type Codes = Record<CodedField, ValueCodes>;
const newCodes = (): Codes => ({ status: new ValueCodes(), mode: new ValueCodes(), client: new ValueCodes(), room: new ValueCodes() });

/** Records' search texts joined, with where each one starts. */
export interface SearchChunk {
  /** Index of the chunk's first record in the list. */
  first: number;
  text: string;
  /** Offset of each record's text in `text`, and one past the end: `count + 1` entries. */
  starts: Uint32Array;
}

/** One batch's columns; codes continue those of the list the batch is added to. */
export interface BatchColumns {
  length: number;
  created: Float64Array;
  duration: Float64Array;
  codes: Record<CodedField, Uint32Array>;
  /** Values first seen in this batch, per field, in the order of their codes. */
  newValues: Record<CodedField, string[]>;
  unfinished: Uint8Array;
  /** `first` counted from the batch's first record. */
  search: SearchChunk[];
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
  /** Shared with longer lists made from this one, which may add values: see `codeCounts`. */
  codes: Codes;
  /** How many codes each field had for exactly this list. */
  codeCounts: Record<CodedField, number>;
  search: readonly SearchChunk[];
  /** How far the shared arrays have been written, by whichever list extended them last. */
  written: { length: number };
}

const FINISHED = new Set(['PROCESSED', 'SENT']);
const SEPARATOR = '\n';
/** Records per search chunk: a chunk is what one slice of a search pass scans at least. */
const CHUNK_RECORDS = 4_096;

export function isFinished(status: string | null): boolean {
  return status !== null && FINISHED.has(status.toUpperCase());
}

const codedValue: Record<CodedField, (record: Recording) => string> = {
  status: (r) => r.status ?? '',
  mode: (r) => r.mode ?? '',
  client: (r) => r.clientId,
  room: (r) => r.roomId,
};

/**
 * The columns of `records`, coded to follow `codes` (which it leaves as they are: the values it
 * saw first are in `newValues`, for `appendColumns` to add).
 */
export function batchColumns(records: readonly Recording[], codes: Codes): BatchColumns {
  const length = records.length;
  const batch: BatchColumns = {
    length,
    created: new Float64Array(length),
    duration: new Float64Array(length),
    codes: { status: new Uint32Array(length), mode: new Uint32Array(length), client: new Uint32Array(length), room: new Uint32Array(length) },
    newValues: { status: [], mode: [], client: [], room: [] },
    unfinished: new Uint8Array(length),
    search: [],
  };
  for (const field of CODED) {
    const known = codes[field];
    const fresh = new Map<string, number>();
    const read = codedValue[field];
    const out = batch.codes[field];
    for (let i = 0; i < length; i += 1) {
      const value = read(records[i]!);
      let code = known.get(value) ?? fresh.get(value);
      if (code === undefined) {
        code = known.size + fresh.size;
        fresh.set(value, code);
      }
      out[i] = code;
    }
    batch.newValues[field] = [...fresh.keys()];
  }
  // Whether a status means finished is worked out once per status, not once per record.
  const unfinishedByStatus: number[] = [];
  for (let i = 0; i < length; i += 1) {
    const record = records[i]!;
    batch.created[i] = record.createdAt ?? NaN;
    batch.duration[i] = record.durationSeconds ?? NaN;
    const status = batch.codes.status[i]!;
    let unfinished = unfinishedByStatus[status];
    if (unfinished === undefined) unfinishedByStatus[status] = unfinished = isFinished(record.status) ? 0 : 1;
    batch.unfinished[i] = unfinished;
  }
  for (let from = 0; from < length; from += CHUNK_RECORDS) {
    const to = Math.min(length, from + CHUNK_RECORDS);
    const starts = new Uint32Array(to - from + 1);
    const texts: string[] = [];
    let offset = 0;
    for (let k = from; k < to; k += 1) {
      const text = searchTextOf(records[k]!);
      starts[k - from] = offset;
      offset += text.length + SEPARATOR.length;
      texts.push(text);
    }
    starts[to - from] = offset;
    batch.search.push({ first: from, text: texts.join(SEPARATOR) + SEPARATOR, starts });
  }
  return batch;
}

/** The typed arrays of a batch, to hand to `postMessage` as transferables. */
export function transferablesOf(batch: BatchColumns): ArrayBuffer[] {
  const arrays = [batch.created, batch.duration, batch.unfinished, ...CODED.map((f) => batch.codes[f]), ...batch.search.map((c) => c.starts)];
  return arrays.map((array) => array.buffer as ArrayBuffer);
}

/** Keeps a worker's codes in step with the page's: the worker codes each batch as the page will. */
export class ColumnsCoder {
  private readonly codes = newCodes();
  batch(records: readonly Recording[]): BatchColumns {
    const batch = batchColumns(records, this.codes);
    for (const field of CODED) this.codes[field].add(batch.newValues[field]);
    return batch;
  }
}

function grow<T extends Float64Array | Uint32Array | Uint8Array>(array: T, used: number, length: number, fresh: boolean, make: (size: number) => T): T {
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
  codes: newCodes(),
  codeCounts: { status: 0, mode: 0, client: 0, room: 0 },
  search: [],
  written: { length: 0 },
});

/** The codes as they stood for `columns`, even if a longer list made from it has added more. */
function codesOf(columns: ListColumns): Codes {
  if (columns.written.length === columns.length) return columns.codes;
  const codes = newCodes();
  for (const field of CODED) codes[field] = columns.codes[field].first(columns.codeCounts[field]);
  return codes;
}

/**
 * The columns of `previous`'s records followed by a batch. The arrays grow in place, with room to
 * spare, so an older `ListColumns` stays right for its own (shorter) length.
 */
export function appendColumns(previous: ListColumns, batch: BatchColumns): ListColumns {
  if (batch.length === 0) return previous;
  const start = previous.length;
  const length = start + batch.length;
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
    codes: codesOf(previous),
    codeCounts: { ...previous.codeCounts },
    search: [...previous.search, ...batch.search.map((chunk) => ({ ...chunk, first: start + chunk.first }))],
    written: fresh ? { length } : previous.written,
  };
  columns.written.length = length;
  columns.created.set(batch.created, start);
  columns.duration.set(batch.duration, start);
  columns.unfinished.set(batch.unfinished, start);
  for (const field of CODED) {
    columns[field].set(batch.codes[field], start);
    columns.codes[field].add(batch.newValues[field]);
    columns.codeCounts[field] = columns.codes[field].size;
  }
  return columns;
}

export function extendColumns(previous: ListColumns, added: readonly Recording[]): ListColumns {
  return appendColumns(previous, batchColumns(added, codesOf(previous)));
}

const cache = new WeakMap<readonly Recording[], ListColumns>();

/**
 * The columns of exactly this list. A list that streamed in was given its columns batch by batch
 * (`primeColumns`); any other list gets them made here once.
 */
export function columnsFor(records: readonly Recording[]): ListColumns {
  let columns = cache.get(records);
  if (!columns) {
    columns = extendColumns(emptyColumns(), records);
    cache.set(records, columns);
  }
  return columns;
}

/**
 * `next` is `previous` with `added` at its end: its columns are `previous`'s and the batch's,
 * as the loading worker made them (`batch`), or made here.
 */
export function primeColumns(next: readonly Recording[], previous: readonly Recording[], added: readonly Recording[], batch?: BatchColumns): void {
  if (next.length !== previous.length + added.length) return;
  const base = columnsFor(previous);
  cache.set(next, batch && batch.length === added.length ? appendColumns(base, batch) : extendColumns(base, added));
}

/**
 * Marks in `into` (indexed like the list) every record whose search text contains `needle`,
 * scanning `chunk`. Exactly `searchTextOf(record).includes(needle)`: a match running over into
 * the next record's text does not count.
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
