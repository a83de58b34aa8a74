import type { Recording } from './recording';

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
const FINISHED = new Set(['PROCESSED', 'SENT']);

/**
 * A recording is stuck when it is still not processed or sent some hours after it was made.
 * Unknown statuses count as unfinished: a pipeline state nobody has seen is worth a look.
 */
export function needsAttention(record: Recording, now: number, hours: number): boolean {
  if (record.createdAt === null) return false;
  if (record.status !== null && FINISHED.has(record.status.toUpperCase())) return false;
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

/** A comparator over indexes of `records`: missing last in both directions, ties in list order. */
export function indexComparator(records: readonly Recording[], sort: SortState): (a: number, b: number) => number {
  const key = sortKeys[sort.column];
  const count = records.length;
  // Text columns are turned into ranks once, so the sort itself only compares numbers.
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
    const ranked = [...texts.keys()].sort(collator.compare);
    ranked.forEach((text, rank) => texts.set(text, rank));
    for (let i = 0; i < count; i += 1) {
      const value = key(records[i]!);
      if (typeof value === 'string') numeric[i] = texts.get(value)!;
    }
  }
  const sign = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const missingA = missing[a]!;
    const missingB = missing[b]!;
    if (missingA !== missingB) return missingA - missingB;
    const difference = missingA ? 0 : (numeric[a]! - numeric[b]!) * sign;
    return difference !== 0 ? difference : a - b;
  };
}

/**
 * Indexes of `records` in the given order. Stable: equal values keep the list's own order in both
 * directions. Missing values come last in both directions.
 */
export function sortedOrder(records: readonly Recording[], sort: SortState): Uint32Array {
  const cache = ordersFor(records);
  const key = orderKey(sort);
  const cached = cache.get(key);
  if (cached) return cached;
  const order = new Uint32Array(records.length);
  for (let i = 0; i < order.length; i += 1) order[i] = i;
  order.sort(indexComparator(records, sort));
  cache.set(key, order);
  return order;
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

/** Every column's order in both directions: what the worker hands over when a list is complete. */
export function allOrders(records: readonly Recording[]): Record<string, Uint32Array> {
  const orders: Record<string, Uint32Array> = {};
  for (const column of SORT_COLUMNS) {
    for (const direction of ['asc', 'desc'] as const) {
      const sort = { column, direction };
      orders[orderKey(sort)] = sortedOrder(records, sort);
    }
  }
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

/** Indexes of the records that pass every filter, in sort order. */
export function visibleIndexes(
  records: readonly Recording[],
  filters: RecordingFilters,
  sort: SortState,
  now = Date.now(),
): Uint32Array {
  const order = sortedOrder(records, sort);
  if (!hasActiveFilters(filters)) return order;

  const statuses = filters.statuses.length > 0 ? new Set(filters.statuses) : null;
  const modes = filters.modes.length > 0 ? new Set(filters.modes) : null;
  const clients = filters.clients.length > 0 ? new Set(filters.clients) : null;
  const rooms = filters.rooms.length > 0 ? new Set(filters.rooms) : null;
  const needle = filters.search.trim().toLowerCase();
  const { from, to } = createdRange(filters, now);
  const minSeconds = filters.durationMin === null ? null : filters.durationMin * 60;
  // "Up to 30 min" includes 30:59, as a person reading minutes would expect.
  const maxSeconds = filters.durationMax === null ? null : filters.durationMax * 60 + 59;

  const out = new Uint32Array(order.length);
  let length = 0;
  for (let k = 0; k < order.length; k += 1) {
    const index = order[k]!;
    const record = records[index]!;
    if (statuses && !statuses.has(record.status ?? MISSING)) continue;
    if (modes && !modes.has(record.mode ?? MISSING)) continue;
    if (clients && !clients.has(record.clientId)) continue;
    if (rooms && !rooms.has(record.roomId)) continue;
    if (from !== null && (record.createdAt === null || record.createdAt < from)) continue;
    if (to !== null && (record.createdAt === null || record.createdAt >= to)) continue;
    if (minSeconds !== null && (record.durationSeconds === null || record.durationSeconds < minSeconds)) continue;
    if (maxSeconds !== null && (record.durationSeconds === null || record.durationSeconds > maxSeconds)) continue;
    if (needle !== '' && !record.searchText.includes(needle)) continue;
    if (filters.attention && !needsAttention(record, now, filters.attentionHours)) continue;
    out[length] = index;
    length += 1;
  }
  return out.subarray(0, length);
}

/** A `visibleIndexes` answer, with what it was computed from. */
interface VisibleAnswer {
  records: readonly Recording[];
  filters: RecordingFilters;
  sort: SortState;
  now: number;
  indexes: Uint32Array;
}

function sameExceptSearch(a: RecordingFilters, b: RecordingFilters): boolean {
  return JSON.stringify({ ...a, search: '' }) === JSON.stringify({ ...b, search: '' });
}

/**
 * `visibleIndexes` that remembers its last answer. Typing on in the search box ("la" -> "lab")
 * can only narrow what is shown, so it filters the last answer instead of all records: on 100,000
 * recordings the first keystroke scans them all and the next ones only what still matched.
 */
export function createVisibleIndexes() {
  let last: VisibleAnswer | null = null;
  return function visibleIndexesFrom(
    records: readonly Recording[],
    filters: RecordingFilters,
    sort: SortState,
    now = Date.now(),
  ): Uint32Array {
    const needle = filters.search.trim().toLowerCase();
    const previous = last;
    const lastNeedle = previous?.filters.search.trim().toLowerCase() ?? '';
    let indexes: Uint32Array;
    if (
      previous &&
      previous.records === records &&
      previous.sort.column === sort.column &&
      previous.sort.direction === sort.direction &&
      previous.now === now &&
      lastNeedle !== '' &&
      needle.startsWith(lastNeedle) &&
      sameExceptSearch(previous.filters, filters)
    ) {
      const narrowed = new Uint32Array(previous.indexes.length);
      let length = 0;
      for (const index of previous.indexes) {
        if (records[index]!.searchText.includes(needle)) narrowed[length++] = index;
      }
      indexes = narrowed.subarray(0, length);
    } else {
      indexes = visibleIndexes(records, filters, sort, now);
    }
    last = { records, filters, sort, now, indexes };
    return indexes;
  };
}

export interface FacetOption {
  value: string;
  count: number;
}

export type FacetField = 'status' | 'mode' | 'client' | 'room';

const facetValue: Record<FacetField, (record: Recording) => string> = {
  status: (r) => r.status ?? MISSING,
  mode: (r) => r.mode ?? MISSING,
  client: (r) => r.clientId,
  room: (r) => r.roomId,
};

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

const FACET_FIELDS: readonly FacetField[] = ['status', 'mode', 'client', 'room'];

export function summarize(previous: ListSummary, added: readonly Recording[]): ListSummary {
  const facets = {} as Record<FacetField, Map<string, number>>;
  for (const field of FACET_FIELDS) {
    const counts = new Map(previous.facets[field]);
    const read = facetValue[field];
    for (const record of added) {
      const value = read(record);
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    facets[field] = counts;
  }
  let seconds = previous.totalSeconds;
  const unfinished: number[] = [];
  for (const record of added) {
    seconds += record.durationSeconds ?? 0;
    if (record.createdAt !== null && !(record.status !== null && FINISHED.has(record.status.toUpperCase()))) {
      unfinished.push(record.createdAt);
    }
  }
  return {
    facets,
    totalSeconds: seconds,
    unfinishedCreatedAt: unfinished.length > 0 ? previous.unfinishedCreatedAt.concat(unfinished) : previous.unfinishedCreatedAt,
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

export function totalSeconds(records: readonly Recording[], indexes: Uint32Array): number {
  let total = 0;
  for (let k = 0; k < indexes.length; k += 1) total += records[indexes[k]!]!.durationSeconds ?? 0;
  return total;
}
