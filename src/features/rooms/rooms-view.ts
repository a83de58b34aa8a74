import type { Recording } from '../recordings/recording';
import { unprocessedShare, type RoomSummary } from './room-stats';

/** Searching, sorting and suggesting rooms: pure functions over room ids and summaries. */

export const ROOM_SORT_COLUMNS = ['room', 'recordings', 'hours', 'last', 'unprocessed', 'attention'] as const;
export type RoomSortColumn = (typeof ROOM_SORT_COLUMNS)[number];
export type SortDirection = 'asc' | 'desc';
export interface RoomSort {
  column: RoomSortColumn;
  direction: SortDirection;
}

export const defaultRoomSort: RoomSort = { column: 'room', direction: 'asc' };

/** The direction a column starts in when first clicked: names A→Z, figures largest first. */
export function firstDirection(column: RoomSortColumn): SortDirection {
  return column === 'room' ? 'asc' : 'desc';
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Lower case, no accents, single spaces: "Salle 12 É" is found by typing "salle 12 e". */
export function foldRoomText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

export function matchesRoomSearch(roomId: string, search: string): boolean {
  const needle = foldRoomText(search);
  return needle === '' || foldRoomText(roomId).includes(needle);
}

type Value = (room: RoomSummary) => number | null;

const values: Record<Exclude<RoomSortColumn, 'room'>, Value> = {
  recordings: (room) => room.recordings,
  hours: (room) => room.totalSeconds,
  last: (room) => room.lastCreatedAt,
  unprocessed: (room) => unprocessedShare(room),
  attention: (room) => room.needingAttention,
};

/**
 * Rooms matching the search, in the given order. Ties (and missing values, always last) fall back
 * to the room name, so the order is the same on every load.
 */
export function visibleRooms(rooms: readonly RoomSummary[], search: string, sort: RoomSort): RoomSummary[] {
  const needle = foldRoomText(search);
  const shown = needle === '' ? [...rooms] : rooms.filter((room) => foldRoomText(room.roomId).includes(needle));
  const sign = sort.direction === 'asc' ? 1 : -1;
  const byName = (a: RoomSummary, b: RoomSummary) => collator.compare(a.roomId, b.roomId) || (a.roomId < b.roomId ? -1 : a.roomId > b.roomId ? 1 : 0);
  if (sort.column === 'room') return shown.sort((a, b) => sign * byName(a, b));
  const value = values[sort.column];
  return shown.sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}

const roomIdCache = new WeakMap<readonly Recording[], string[]>();

/** Distinct room ids of a list, by name; remembered per list, so typing in a box costs nothing. */
export function roomIdsOf(records: readonly Recording[]): string[] {
  let ids = roomIdCache.get(records);
  if (!ids) {
    const seen = new Set<string>();
    for (const record of records) if (record.roomId !== '') seen.add(record.roomId);
    ids = [...seen].sort(collator.compare);
    roomIdCache.set(records, ids);
  }
  return ids;
}

/**
 * Suggestions for what was typed: recent rooms first, then other known rooms; those that start
 * with the text before those that only contain it. Matching ignores case, accents and spacing.
 */
export function suggestRooms(typed: string, recent: readonly string[], known: readonly string[], limit = 8): { roomId: string; recent: boolean }[] {
  const needle = foldRoomText(typed);
  const seen = new Set<string>();
  const starts: { roomId: string; recent: boolean }[] = [];
  const contains: { roomId: string; recent: boolean }[] = [];
  const consider = (roomId: string, isRecent: boolean) => {
    if (seen.has(roomId)) return;
    seen.add(roomId);
    const folded = foldRoomText(roomId);
    if (needle === '' || folded.startsWith(needle)) starts.push({ roomId, recent: isRecent });
    else if (folded.includes(needle)) contains.push({ roomId, recent: isRecent });
  };
  for (const roomId of recent) consider(roomId, true);
  // With nothing typed, only the recent rooms: a list of every room would be noise.
  if (needle !== '') for (const roomId of known) consider(roomId, false);
  return [...starts, ...contains].slice(0, limit);
}

/** Known rooms whose names differ from `roomId` only in case, accents or spacing: likely typos. */
export function similarRooms(roomId: string, known: readonly string[], limit = 5): string[] {
  const target = foldRoomText(roomId);
  if (target === '') return [];
  const exact = known.filter((candidate) => candidate !== roomId && foldRoomText(candidate) === target);
  const near = known.filter((candidate) => {
    if (candidate === roomId || exact.includes(candidate)) return false;
    const folded = foldRoomText(candidate);
    return folded.includes(target) || (folded.length >= 3 && target.includes(folded));
  });
  return [...exact, ...near].slice(0, limit);
}

/** "24 h", "3 days": a needs-attention threshold as the list's own filter words it. */
export function describeAttentionHours(hours: number): string {
  return hours % 24 === 0 && hours >= 48 ? `${hours / 24} days` : `${hours} h`;
}
