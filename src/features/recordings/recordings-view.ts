import type { Recording } from './recording';
import { columnsFor, isFinished, markMatches, type ListColumns } from './recordings-columns';

/**
 * Filtering and sorting for lists of any size, without re-sorting on every change: each column's
 * order is computed once per list (in the loading worker where there is one, see
 * recordings.worker.ts) and a filter change is one pass over that order.
 */

export const SORT_COLUMNS = [
  'created',
  'updated',
  'duration',
  'room',
  'client',
  'status',
  'mode',
  'version',
  'uuid',
  'session',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

export const defaultSort: SortState = { column: 'created', direction: 'desc' };

export type CreatedPreset = 'today' | '7d' | '30d' | 'custom';

export interface RecordingFilters {
  statuses: readonly string[];
  modes: readonly string[];
  clients: readonly string[];
  rooms: readonly string[];
  search: string;
  /** A preset is relative to now, so a shared "last 7 days" link stays the last 7 days. */
  created: CreatedPreset | null;
  /** Local calendar days, `YYYY-MM-DD`, both inclusive; used with `created: 'custom'`. */
  createdFrom: string | null;
  createdTo: string | null;
  /** Whole minutes, both inclusive. */
  durationMin: number | null;
  durationMax: number | null;
  /** Only recordings that need attention (see `needsAttention`). */
  attention: boolean;
  /** Hours after which a recording still in the pipeline needs attention. */
  attentionHours: number;
}

export const DEFAULT_ATTENTION_HOURS = 24;

/**
 * A recording is stuck when it is still not processed or sent some hours after it was made.
 * Unknown statuses count as unfinished: a pipeline state nobody has seen is worth a look.
 */
export function needsAttention(record: Recording, now: number, hours: number): boolean {
  if (record.createdAt === null) return false;
  if (isFinished(record.status)) return false;
  return now - record.createdAt > hours * 3_600_000;
}

export const noFilters: RecordingFilters = Object.freeze({
  statuses: [],
  modes: [],
  clients: [],
  rooms: [],
  search: '',
  created: null,
  createdFrom: null,
  createdTo: null,
  durationMin: null,
  durationMax: null,
  attention: false,
  attentionHours: DEFAULT_ATTENTION_HOURS,
});

/** Missing values are filtered and counted under this key. */
export const MISSING = '';

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

type Key = (record: Recording) => number | string | null;

const sortKeys: Record<SortColumn, Key> = {
  created: (r) => r.createdAt,
  updated: (r) => r.updatedAt,
  duration: (r) => r.durationSeconds,
  room: (r) => (r.roomId === '' ? null : r.roomId),
  client: (r) => (r.clientId === '' ? null : r.clientId),
  status: (r) => r.status,
  mode: (r) => r.mode,
  version: (r) => r.version,
  uuid: (r) => r.uuid,
  session: (r) => r.sessionId,
};

export function orderKey(sort: SortState): string {
  return `${sort.column}:${sort.direction}`;
}

const orderCaches = new WeakMap<readonly Recording[], Map<string, Uint32Array>>();

function ordersFor(records: readonly Recording[]): Map<string, Uint32Array> {
  let orders = orderCaches.get(records);
  if (!orders) {
    orders = new Map();
    orderCaches.set(records, orders);
  }
  return orders;
}

/** Hands over orders computed elsewhere (the loading worker) for exactly this list. */
export function primeOrders(records: readonly Recording[], orders: Readonly<Record<string, Uint32Array>>): void {
  const cache = ordersFor(records);
  for (const [key, order] of Object.entries(orders)) {
    if (order.length === records.length) cache.set(key, order);
  }
}

/**
 * Ids (uuid, session id) are ranked by their lower-cased characters as they are: they are opaque,
 * and a natural-language ranking of 100,000 different ids took ~0.3 s.
 */
const ID_COLUMNS: ReadonlySet<SortColumn> = new Set(['uuid', 'session']);

interface ColumnKeys {
  /** The value, or the text's rank among the column's texts; 0 where missing. */
  numeric: Float64Array;
  missing: Uint8Array;
}

/** One column's values as numbers to compare: text columns are ranked once, up front. */
function columnKeys(records: readonly Recording[], column: SortColumn): ColumnKeys {
  const key = sortKeys[column];
  const count = records.length;
  const numeric = new Float64Array(count);
  const missing = new Uint8Array(count);
  const texts = new Map<string, number>();
  for (let i = 0; i < count; i += 1) {
    const value = key(records[i]!);
    if (value === null) missing[i] = 1;
    else if (typeof value === 'number') numeric[i] = value;
    else texts.set(value, 0);
  }
  if (texts.size > 0) {
    if (ID_COLUMNS.has(column)) {
      const lowered = [...texts.keys()].map((text) => [text.toLowerCase(), text] as const);
      lowered.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      let rank = -1;
      lowered.forEach(([low, text], k) => {
        if (k === 0 || low !== lowered[k - 1]![0]) rank += 1;
        texts.set(text, rank);
      });
    } else {
      const ranked = [...texts.keys()].sort(collator.compare);
      // Texts the collator holds equal ("Lab" and "lab") share a rank, so they tie.
      ranked.forEach((text, k) => texts.set(text, k > 0 && collator.compare(ranked[k - 1]!, text) === 0 ? texts.get(ranked[k - 1]!)! : k));
    }
    for (let i = 0; i < count; i += 1) {
      const value = key(records[i]!);
      if (typeof value === 'string') numeric[i] = texts.get(value)!;
    }
  }
  return { numeric, missing };
}

function comparator({ numeric, missing }: ColumnKeys, direction: SortDirection): (a: number, b: number) => number {
  const sign = direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const missingA = missing[a]!;
    const missingB = missing[b]!;
    if (missingA !== missingB) return missingA - missingB;
    const difference = missingA ? 0 : (numeric[a]! - numeric[b]!) * sign;
    return difference !== 0 ? difference : a - b;
  };
}

/** A comparator over indexes of `records`: missing last in both directions, ties in list order. */
export function indexComparator(records: readonly Recording[], sort: SortState): (a: number, b: number) => number {
  return comparator(columnKeys(records, sort.column), sort.direction);
}

/**
 * The descending order from the ascending one, in O(n): runs of equal values are taken from the
 * end, each kept in list order; missing values stay last.
 */
function descendingFrom(ascending: Uint32Array, { numeric, missing }: ColumnKeys): Uint32Array {
  let present = ascending.length;
  while (present > 0 && missing[ascending[present - 1]!]) present -= 1;
  const out = new Uint32Array(ascending.length);
  let write = 0;
  let end = present;
  while (end > 0) {
    let start = end - 1;
    const value = numeric[ascending[start]!];
    while (start > 0 && numeric[ascending[start - 1]!] === value) start -= 1;
    for (let k = start; k < end; k += 1) out[write++] = ascending[k]!;
    end = start;
  }
  for (let k = present; k < ascending.length; k += 1) out[write++] = ascending[k]!;
  return out;
}

/** Whether this order of this list is at hand, so asking for it costs nothing. */
export function hasOrder(records: readonly Recording[], sort: SortState): boolean {
  return ordersFor(records).has(orderKey(sort));
}

/**
 * Indexes of `records` in the given order. Stable: equal values keep the list's own order in both
 * directions. Missing values come last in both directions. Both directions of a column are made
 * at once, with one sort.
 */
export function sortedOrder(records: readonly Recording[], sort: SortState): Uint32Array {
  const cache = ordersFor(records);
  const cached = cache.get(orderKey(sort));
  if (cached) return cached;
  const keys = columnKeys(records, sort.column);
  const ascending = new Uint32Array(records.length);
  for (let i = 0; i < ascending.length; i += 1) ascending[i] = i;
  ascending.sort(comparator(keys, 'asc'));
  cache.set(orderKey({ column: sort.column, direction: 'asc' }), ascending);
  cache.set(orderKey({ column: sort.column, direction: 'desc' }), descendingFrom(ascending, keys));
  return cache.get(orderKey(sort))!;
}

/**
 * The order of `records` given the order of its first `previous.length` records: the new ones are
 * sorted and merged in, O(n) rather than a full sort. Used while a list streams in.
 */
export function extendOrder(records: readonly Recording[], previous: Uint32Array, sort: SortState): Uint32Array {
  const compare = indexComparator(records, sort);
  const added = new Uint32Array(records.length - previous.length);
  for (let i = 0; i < added.length; i += 1) added[i] = previous.length + i;
  added.sort(compare);
  const merged = new Uint32Array(records.length);
  let p = 0;
  let q = 0;
  let out = 0;
  while (p < previous.length && q < added.length) {
    merged[out++] = compare(previous[p]!, added[q]!) <= 0 ? previous[p++]! : added[q++]!;
  }
  while (p < previous.length) merged[out++] = previous[p++]!;
  while (q < added.length) merged[out++] = added[q++]!;
  return merged;
}

/** One column's orders, both directions, keyed as `orderKey` keys them. */
export function columnOrders(records: readonly Recording[], column: SortColumn): Record<string, Uint32Array> {
  const orders: Record<string, Uint32Array> = {};
  for (const direction of ['asc', 'desc'] as const) orders[orderKey({ column, direction })] = sortedOrder(records, { column, direction });
  return orders;
}


const DAY = 86_400_000;

function startOfLocalDay(epochMs: number): number {
  const date = new Date(epochMs);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

function parseLocalDay(text: string | null): number | null {
  if (!text) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date.getTime();
}

/** The created-at window a filter stands for, as [from, to) epoch ms; nulls are open ends. */
export function createdRange(filters: RecordingFilters, now: number): { from: number | null; to: number | null } {
  const today = startOfLocalDay(now);
  switch (filters.created) {
    case 'today':
      return { from: today, to: null };
    case '7d':
      return { from: today - 6 * DAY, to: null };
    case '30d':
      return { from: today - 29 * DAY, to: null };
    case 'custom': {
      const from = parseLocalDay(filters.createdFrom);
      const to = parseLocalDay(filters.createdTo);
      // The end day is included: the window closes at the start of the next local day.
      return { from, to: to === null ? null : startOfLocalDay(to + DAY + DAY / 2) };
    }
    default:
      return { from: null, to: null };
  }
}

export function hasActiveFilters(filters: RecordingFilters): boolean {
  return (
    filters.statuses.length > 0 ||
    filters.modes.length > 0 ||
    filters.clients.length > 0 ||
    filters.rooms.length > 0 ||
    filters.search.trim() !== '' ||
    filters.created !== null ||
    filters.durationMin !== null ||
    filters.durationMax !== null ||
    filters.attention
  );
}

/**
 * The test every shown record passes, by its index in the list, or null when nothing is
 * filtered. It reads the list's columns (recordings-columns.ts), and `matches` (records whose
 * search text contains the search) when there is a search.
 */
function indexFilter(filters: RecordingFilters, now: number, columns: ListColumns, matches: Uint8Array | null): ((index: number) => boolean) | null {
  if (!hasActiveFilters(filters)) return null;
  const { codes, status, mode, client, room, created, duration, unfinished } = columns;
  const statuses = filters.statuses.length > 0 ? codes.status.allowing(filters.statuses) : null;
  const modes = filters.modes.length > 0 ? codes.mode.allowing(filters.modes) : null;
  const clients = filters.clients.length > 0 ? codes.client.allowing(filters.clients) : null;
  const rooms = filters.rooms.length > 0 ? codes.room.allowing(filters.rooms) : null;
  const { from, to } = createdRange(filters, now);
  const minSeconds = filters.durationMin === null ? null : filters.durationMin * 60;
  // "Up to 30 min" includes 30:59, as a person reading minutes would expect.
  const maxSeconds = filters.durationMax === null ? null : filters.durationMax * 60 + 59;
  const stuckBefore = filters.attention ? now - filters.attentionHours * 3_600_000 : null;
  // Missing times and durations are NaN, which fails every comparison: missing never matches.
  return (i) => {
    if (statuses && statuses[status[i]!] !== 1) return false;
    if (modes && modes[mode[i]!] !== 1) return false;
    if (clients && clients[client[i]!] !== 1) return false;
    if (rooms && rooms[room[i]!] !== 1) return false;
    if (from !== null && !(created[i]! >= from)) return false;
    if (to !== null && !(created[i]! < to)) return false;
    if (minSeconds !== null && !(duration[i]! >= minSeconds)) return false;
    if (maxSeconds !== null && !(duration[i]! <= maxSeconds)) return false;
    if (matches && matches[i] !== 1) return false;
    if (stuckBefore !== null && !(unfinished[i] === 1 && created[i]! < stuckBefore)) return false;
    return true;
  };
}

/** What a view of a list is asked for. */
export interface VisibleRequest {
  records: readonly Recording[];
  filters: RecordingFilters;
  sort: SortState;
  now: number;
}

/** The records a request shows, in order, and their total duration. */
export interface VisibleAnswer {
  request: VisibleRequest;
  indexes: Uint32Array;
  /** Total seconds of what is shown; null when every record is (the list's summary has it). */
  seconds: number | null;
}

/** Records tested between two looks at the clock. */
const CHECK_EVERY = 4096;

/**
 * One filter pass over a list, which can run all at once or a slice at a time (so that on
 * 100,000 recordings no task of the page's runs long, see use-visible-recordings.ts): first the
 * search, chunk by chunk of the list's search text, then one walk over the list in sort order.
 */
export class VisiblePass {
  private readonly columns: ListColumns;
  private readonly order: Uint32Array;
  private readonly needle: string;
  private readonly matches: Uint8Array | null;
  private readonly test: ((index: number) => boolean) | null;
  private readonly out: Uint32Array;
  private searched = 0;
  private scanned = 0;
  private length = 0;
  private seconds = 0;

  constructor(readonly request: VisibleRequest) {
    const { records, filters, sort, now } = request;
    this.columns = columnsFor(records);
    this.order = sortedOrder(records, sort);
    this.needle = filters.search.trim().toLowerCase();
    this.matches = this.needle === '' ? null : new Uint8Array(records.length);
    this.test = indexFilter(filters, now, this.columns, this.matches);
    this.out = this.test ? new Uint32Array(records.length) : this.order;
  }

  /** Filters until done or until `performance.now()` reaches `deadline`; true when done. */
  run(deadline = Infinity): boolean {
    const { test, order, out, matches, columns } = this;
    if (!test) return true;
    const late = () => deadline !== Infinity && performance.now() >= deadline;
    while (matches && this.searched < columns.search.length) {
      markMatches(columns.search[this.searched]!, this.needle, matches);
      this.searched += 1;
      if (late()) return false;
    }
    const duration = columns.duration;
    while (this.scanned < order.length) {
      const end = Math.min(order.length, this.scanned + CHECK_EVERY);
      let length = this.length;
      let seconds = this.seconds;
      for (let k = this.scanned; k < end; k += 1) {
        const index = order[k]!;
        if (!test(index)) continue;
        out[length] = index;
        length += 1;
        const d = duration[index]!;
        if (d === d) seconds += d;
      }
      this.scanned = end;
      this.length = length;
      this.seconds = seconds;
      if (late()) break;
    }
    return this.done;
  }

  get done(): boolean {
    return !this.test || this.scanned >= this.order.length;
  }

  /** The answer; only once `run` has said it is done. */
  answer(): VisibleAnswer {
    if (!this.done) throw new Error('The filter pass has not finished.');
    return this.test
      ? { request: this.request, indexes: this.out.subarray(0, this.length), seconds: this.seconds }
      : { request: this.request, indexes: this.order, seconds: null };
  }
}

/** Indexes of the records that pass every filter, in sort order. */
export function visibleIndexes(
  records: readonly Recording[],
  filters: RecordingFilters,
  sort: SortState,
  now = Date.now(),
): Uint32Array {
  const pass = new VisiblePass({ records, filters, sort, now });
  pass.run();
  return pass.answer().indexes;
}

export interface FacetOption {
  value: string;
  count: number;
}

export type FacetField = 'status' | 'mode' | 'client' | 'room';

/** Values of one field as they occur in the data, most frequent first; missing ones as `MISSING`. */
export function facetOptions(records: readonly Recording[], field: FacetField): FacetOption[] {
  return optionsFromCounts(summarize(emptySummary, records).facets[field]);
}

export function optionsFromCounts(counts: ReadonlyMap<string, number>): FacetOption[] {
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

/**
 * What the list's header needs (facet counts, total duration, when unfinished recordings were
 * made), kept up to date batch by batch as a list streams in: O(batch), never O(list).
 */
export interface ListSummary {
  facets: Readonly<Record<FacetField, ReadonlyMap<string, number>>>;
  totalSeconds: number;
  /** `createdAt` of every recording not yet PROCESSED or SENT, for "needs attention" counts. */
  unfinishedCreatedAt: readonly number[];
}

export const emptySummary: ListSummary = Object.freeze({
  facets: { status: new Map(), mode: new Map(), client: new Map(), room: new Map() },
  totalSeconds: 0,
  unfinishedCreatedAt: [],
});

export function summarize(previous: ListSummary, added: readonly Recording[]): ListSummary {
  const status = new Map(previous.facets.status);
  const mode = new Map(previous.facets.mode);
  const client = new Map(previous.facets.client);
  const room = new Map(previous.facets.room);
  const count = (counts: Map<string, number>, value: string) => counts.set(value, (counts.get(value) ?? 0) + 1);
  const finished = new Map<string | null, boolean>();
  let seconds = previous.totalSeconds;
  const unfinished: number[] = [];
  for (const record of added) {
    count(status, record.status ?? MISSING);
    count(mode, record.mode ?? MISSING);
    count(client, record.clientId);
    count(room, record.roomId);
    seconds += record.durationSeconds ?? 0;
    let done = finished.get(record.status);
    if (done === undefined) finished.set(record.status, (done = isFinished(record.status)));
    if (record.createdAt !== null && !done) unfinished.push(record.createdAt);
  }
  return {
    facets: { status, mode, client, room },
    totalSeconds: seconds,
    unfinishedCreatedAt: unfinished.length > 0 ? previous.unfinishedCreatedAt.concat(unfinished) : previous.unfinishedCreatedAt,
  };
}

/** `previous` with a batch's own summary (made where the batch was read) added in: O(values). */
export function mergeSummaries(previous: ListSummary, batch: ListSummary): ListSummary {
  const facets = {} as Record<FacetField, Map<string, number>>;
  for (const field of ['status', 'mode', 'client', 'room'] as const) {
    const counts = new Map(previous.facets[field]);
    for (const [value, count] of batch.facets[field]) counts.set(value, (counts.get(value) ?? 0) + count);
    facets[field] = counts;
  }
  return {
    facets,
    totalSeconds: previous.totalSeconds + batch.totalSeconds,
    unfinishedCreatedAt:
      batch.unfinishedCreatedAt.length > 0 ? previous.unfinishedCreatedAt.concat(batch.unfinishedCreatedAt) : previous.unfinishedCreatedAt,
  };
}

/** The same count as `countNeedingAttention`, from a summary: O(unfinished) rather than O(list). */
export function countNeedingAttentionIn(summary: ListSummary, now: number, hours: number): number {
  const limit = now - hours * 3_600_000;
  let count = 0;
  for (const createdAt of summary.unfinishedCreatedAt) if (createdAt < limit) count += 1;
  return count;
}

export function countNeedingAttention(records: readonly Recording[], now: number, hours: number): number {
  let count = 0;
  for (const record of records) if (needsAttention(record, now, hours)) count += 1;
  return count;
}
