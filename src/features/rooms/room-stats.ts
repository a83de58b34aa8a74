import type { Recording } from '../recordings/recording';

/**
 * Rooms' figures and day-by-day activity, derived from a list of recordings in ONE pass. Pure:
 * the same records, `now` and threshold always give the same answer, so it is tested with
 * fixtures and measured in bench/rooms-performance.ts (about 10 ms for 100,000 recordings).
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const FINISHED = new Set(['PROCESSED', 'SENT']);

/** The longest activity range the overview offers; shorter ranges are the last days of it. */
export const MAX_ACTIVITY_DAYS = 90;

export interface RoomFigures {
  recordings: number;
  totalSeconds: number;
  /** Newest `createdAt`, epoch ms; null when no recording has a time. */
  lastCreatedAt: number | null;
  /** Oldest `createdAt`: a room "exists" from then on, so an empty weekday after it is a gap. */
  firstCreatedAt: number | null;
  /** Not `PROCESSED` or `SENT` yet (unknown and missing statuses included, as in needsAttention). */
  unprocessed: number;
  /** Unprocessed and older than the threshold: see recordings-view.ts `needsAttention`. */
  needingAttention: number;
  /** Recordings per status exactly as the API sent it; a missing status counts under ''. */
  statuses: Map<string, number>;
}

export interface RoomSummary extends RoomFigures {
  roomId: string;
  /** Recordings per local day of the window, oldest day first (index 0 = `window.days[0]`). */
  dayCounts: Uint32Array;
  daySeconds: Float64Array;
}

/** Local calendar days ending today: `starts[i]` is the local midnight of day i, `end` tomorrow's. */
export interface DayWindow {
  starts: readonly number[];
  end: number;
}

export interface RoomsSummary {
  rooms: RoomSummary[];
  window: DayWindow;
  /** Every figure over all rooms together. */
  total: RoomFigures;
}

export interface SummarizeOptions {
  now: number;
  attentionHours: number;
  /** How many local days back from today the activity arrays cover. */
  days?: number;
}

export function localMidnight(epochMs: number): number {
  const date = new Date(epochMs);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Local midnights, computed with the calendar (not `+ 24 h`) so DST days keep their length. */
export function dayWindow(now: number, days: number): DayWindow {
  const today = new Date(localMidnight(now));
  const starts: number[] = [];
  for (let back = days - 1; back >= 0; back -= 1) {
    starts.push(new Date(today.getFullYear(), today.getMonth(), today.getDate() - back).getTime());
  }
  const end = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1).getTime();
  return { starts, end };
}

/** The local `YYYY-MM-DD` of an epoch: the form the list's `from`/`to` URL parameters take. */
export function localDayKey(epochMs: number): string {
  const date = new Date(epochMs);
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

function emptyFigures(): RoomFigures {
  return {
    recordings: 0,
    totalSeconds: 0,
    lastCreatedAt: null,
    firstCreatedAt: null,
    unprocessed: 0,
    needingAttention: 0,
    statuses: new Map(),
  };
}

/**
 * Statuses as small numbers ("slots"), looked up once per record: there are a handful of distinct
 * statuses and 100,000 records, so neither upper-casing nor a per-room Map per record is affordable.
 */
class StatusSlots {
  private readonly slots = new Map<string, number>();
  readonly names: string[] = [];
  readonly finished: boolean[] = [];

  slot(status: string | null): number {
    const name = status ?? '';
    let slot = this.slots.get(name);
    if (slot === undefined) {
      slot = this.names.length;
      this.slots.set(name, slot);
      this.names.push(name);
      this.finished.push(FINISHED.has(name.toUpperCase()));
    }
    return slot;
  }

  toMap(counts: readonly number[]): Map<string, number> {
    const map = new Map<string, number>();
    counts.forEach((count, slot) => {
      if (count > 0) map.set(this.names[slot]!, count);
    });
    return map;
  }
}

interface Tally {
  recordings: number;
  totalSeconds: number;
  lastCreatedAt: number | null;
  firstCreatedAt: number | null;
  unprocessed: number;
  needingAttention: number;
  statusCounts: number[];
}

function emptyTally(): Tally {
  return { recordings: 0, totalSeconds: 0, lastCreatedAt: null, firstCreatedAt: null, unprocessed: 0, needingAttention: 0, statusCounts: [] };
}

function count(tally: Tally, record: Recording, slots: StatusSlots, attentionBefore: number): void {
  tally.recordings += 1;
  tally.totalSeconds += record.durationSeconds ?? 0;
  const created = record.createdAt;
  if (created !== null) {
    if (tally.lastCreatedAt === null || created > tally.lastCreatedAt) tally.lastCreatedAt = created;
    if (tally.firstCreatedAt === null || created < tally.firstCreatedAt) tally.firstCreatedAt = created;
  }
  const slot = slots.slot(record.status);
  tally.statusCounts[slot] = (tally.statusCounts[slot] ?? 0) + 1;
  if (!slots.finished[slot]) {
    tally.unprocessed += 1;
    if (created !== null && created < attentionBefore) tally.needingAttention += 1;
  }
}

function figuresOf(tally: Tally, slots: StatusSlots): RoomFigures {
  const { statusCounts, ...figures } = tally;
  return { ...figures, statuses: slots.toMap(statusCounts) };
}

function addInto(total: RoomFigures, room: RoomFigures): void {
  total.recordings += room.recordings;
  total.totalSeconds += room.totalSeconds;
  if (room.lastCreatedAt !== null && (total.lastCreatedAt === null || room.lastCreatedAt > total.lastCreatedAt)) {
    total.lastCreatedAt = room.lastCreatedAt;
  }
  if (room.firstCreatedAt !== null && (total.firstCreatedAt === null || room.firstCreatedAt < total.firstCreatedAt)) {
    total.firstCreatedAt = room.firstCreatedAt;
  }
  total.unprocessed += room.unprocessed;
  total.needingAttention += room.needingAttention;
  for (const [status, n] of room.statuses) total.statuses.set(status, (total.statuses.get(status) ?? 0) + n);
}

interface RoomTally extends Tally {
  roomId: string;
  dayCounts: Uint32Array;
  daySeconds: Float64Array;
}

/**
 * Every room in `records` (by `roomId`, the API's `room_id`), with its figures and its activity
 * per local day over the last `days` days. Rooms come in the order they first appear; the
 * overview sorts them. Recordings without a time count in the figures but on no day.
 */
export function summarizeRooms(records: readonly Recording[], options: SummarizeOptions): RoomsSummary {
  const days = options.days ?? MAX_ACTIVITY_DAYS;
  const window = dayWindow(options.now, days);
  const { starts, end } = window;
  const first = starts[0]!;
  // needsAttention: now - createdAt > hours, i.e. createdAt < now - hours.
  const attentionBefore = options.now - options.attentionHours * HOUR;
  const slots = new StatusSlots();
  const byRoom = new Map<string, RoomTally>();
  const tallies: RoomTally[] = [];

  for (let i = 0; i < records.length; i += 1) {
    const record = records[i]!;
    let room = byRoom.get(record.roomId);
    if (room === undefined) {
      room = { roomId: record.roomId, ...emptyTally(), dayCounts: new Uint32Array(days), daySeconds: new Float64Array(days) };
      byRoom.set(record.roomId, room);
      tallies.push(room);
    }
    count(room, record, slots, attentionBefore);

    const created = record.createdAt;
    if (created === null || created < first || created >= end) continue;
    // A day is 23 to 25 hours long around DST changes: guess by 24 h, then step to the right day.
    let day = Math.min(days - 1, Math.floor((created - first) / DAY));
    while (day + 1 < days && created >= starts[day + 1]!) day += 1;
    while (day > 0 && created < starts[day]!) day -= 1;
    room.dayCounts[day]! += 1;
    room.daySeconds[day]! += record.durationSeconds ?? 0;
  }

  const total = emptyFigures();
  const rooms = tallies.map((tally): RoomSummary => {
    const { roomId, dayCounts, daySeconds, ...rest } = tally;
    const figures = figuresOf(rest, slots);
    addInto(total, figures);
    return { roomId, ...figures, dayCounts, daySeconds };
  });
  return { rooms, window, total };
}

/** One room's figures (every record counts, whatever its `roomId`): the room page's header. */
export function roomFigures(records: readonly Recording[], now: number, attentionHours: number): RoomFigures {
  const tally = emptyTally();
  const slots = new StatusSlots();
  const attentionBefore = now - attentionHours * HOUR;
  for (const record of records) count(tally, record, slots, attentionBefore);
  return figuresOf(tally, slots);
}

/** Share of recordings not processed yet, 0..1 (0 for an empty room). */
export function unprocessedShare(figures: Pick<RoomFigures, 'recordings' | 'unprocessed'>): number {
  return figures.recordings === 0 ? 0 : figures.unprocessed / figures.recordings;
}
