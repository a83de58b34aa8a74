import type { Recording } from './recording';

/**
 * Filtering and sorting for lists of any size, without re-sorting on every change: each column's
 * order is computed once per list (and cached), and a filter change is one pass over that order.
 */

export type SortColumn = 'created' | 'updated' | 'duration' | 'room' | 'client' | 'status' | 'mode' | 'version';
export type SortDirection = 'asc' | 'desc';
export interface SortState {
  column: SortColumn;
  direction: SortDirection;
}

export const defaultSort: SortState = { column: 'created', direction: 'desc' };

export interface RecordingFilters {
  statuses: readonly string[];
  modes: readonly string[];
  search: string;
}

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
};

interface ListCache {
  orders: Map<string, Uint32Array>;
  haystacks?: string[];
}

const caches = new WeakMap<readonly Recording[], ListCache>();

function cacheFor(records: readonly Recording[]): ListCache {
  let cache = caches.get(records);
  if (!cache) {
    cache = { orders: new Map() };
    caches.set(records, cache);
  }
  return cache;
}

/**
 * Indexes of `records` in the given order. Stable: equal values keep the list's own order in both
 * directions. Missing values come last in both directions.
 */
export function sortedOrder(records: readonly Recording[], sort: SortState): Uint32Array {
  const cache = cacheFor(records);
  const cacheKey = `${sort.column}:${sort.direction}`;
  const cached = cache.orders.get(cacheKey);
  if (cached) return cached;

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
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i += 1) order[i] = i;
  order.sort((a, b) => {
    const missingA = missing[a]!;
    const missingB = missing[b]!;
    if (missingA !== missingB) return missingA - missingB;
    const difference = missingA ? 0 : (numeric[a]! - numeric[b]!) * sign;
    return difference !== 0 ? difference : a - b;
  });
  cache.orders.set(cacheKey, order);
  return order;
}

function haystacksFor(records: readonly Recording[]): string[] {
  const cache = cacheFor(records);
  if (!cache.haystacks) {
    cache.haystacks = records.map((r) =>
      `${r.id}\u0001${r.uuid ?? ''}\u0001${r.sessionId ?? ''}\u0001${r.classId}\u0001${r.roomId}`.toLowerCase(),
    );
  }
  return cache.haystacks;
}

/** Indexes of the records that pass every filter, in sort order. */
export function visibleIndexes(records: readonly Recording[], filters: RecordingFilters, sort: SortState): Uint32Array {
  const order = sortedOrder(records, sort);
  const statuses = filters.statuses.length > 0 ? new Set(filters.statuses) : null;
  const modes = filters.modes.length > 0 ? new Set(filters.modes) : null;
  const needle = filters.search.trim().toLowerCase();
  if (!statuses && !modes && needle === '') return order;

  const haystacks = needle === '' ? null : haystacksFor(records);
  const out = new Uint32Array(order.length);
  let length = 0;
  for (let k = 0; k < order.length; k += 1) {
    const index = order[k]!;
    const record = records[index]!;
    if (statuses && !statuses.has(record.status ?? MISSING)) continue;
    if (modes && !modes.has(record.mode ?? MISSING)) continue;
    if (haystacks && !haystacks[index]!.includes(needle)) continue;
    out[length] = index;
    length += 1;
  }
  return out.subarray(0, length);
}

export interface FacetOption {
  value: string;
  count: number;
}

/** Values of one field as they occur in the data, most frequent first; missing ones as `MISSING`. */
export function facetOptions(records: readonly Recording[], field: 'status' | 'mode'): FacetOption[] {
  const counts = new Map<string, number>();
  for (const record of records) {
    const value = record[field] ?? MISSING;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value));
}

export function totalSeconds(records: readonly Recording[], indexes: Uint32Array): number {
  let total = 0;
  for (let k = 0; k < indexes.length; k += 1) total += records[indexes[k]!]!.durationSeconds ?? 0;
  return total;
}
