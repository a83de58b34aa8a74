import { describe, expect, it } from 'vitest';
import type { Recording } from '../../src/features/recordings/recording';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import {
  countNeedingAttention,
  countNeedingAttentionIn,
  emptySummary,
  optionsFromCounts,
  summarize,
  extendOrder,
  needsAttention,
  facetOptions,
  MISSING,
  noFilters,
  sortedOrder,
  SORT_COLUMNS,
  indexComparator,
  visibleIndexes,
  VisiblePass,
  type RecordingFilters,
  type SortState,
} from '../../src/features/recordings/recordings-view';
import { rawRecord } from '../harness/fixtures';


function list(overrides: Record<string, unknown>[]): Recording[] {
  return overrides.map((o, i) => normalizeRecording(rawRecord({ _id: `r${i}`, ...o })));
}

function ids(records: Recording[], filters: RecordingFilters, sort: SortState): string[] {
  return [...visibleIndexes(records, filters, sort)].map((i) => records[i]!.id);
}

describe('sorting', () => {
  it('puts the newest first by default and orders 5 rows correctly both ways', () => {
    const records = list([{ c: 3 }, { c: 1 }, { c: 5 }, { c: 2 }, { c: 4 }]);
    expect(ids(records, noFilters, { column: 'created', direction: 'desc' })).toEqual(['r2', 'r4', 'r0', 'r3', 'r1']);
    expect(ids(records, noFilters, { column: 'created', direction: 'asc' })).toEqual(['r1', 'r3', 'r0', 'r4', 'r2']);
  });

  it('orders 12 rows numerically, not as text (10 after 9)', () => {
    const durations = [9, 10, 11, 1, 2, 12, 3, 4, 5, 6, 7, 8];
    const records = list(durations.map((duration) => ({ duration })));
    const sorted = [...sortedOrder(records, { column: 'duration', direction: 'asc' })].map((i) => records[i]!.durationSeconds);
    expect(sorted).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('orders 12 room names naturally (room-2 before room-10)', () => {
    const rooms = ['room-10', 'room-2', 'room-1', 'Room-3', 'room-12', 'room-11', 'room-4', 'room-5', 'room-9', 'room-8', 'room-7', 'room-6'];
    const records = list(rooms.map((room) => ({ class_id: `school::${room}` })));
    const sorted = [...sortedOrder(records, { column: 'room', direction: 'asc' })].map((i) => records[i]!.roomId);
    expect(sorted).toEqual(['room-1', 'room-2', 'Room-3', 'room-4', 'room-5', 'room-6', 'room-7', 'room-8', 'room-9', 'room-10', 'room-11', 'room-12']);
  });

  it('puts missing durations last in both directions', () => {
    const records = list([{ duration: 30 }, { duration: null }, { duration: 10 }, { duration: undefined }, { duration: 20 }]);
    expect(ids(records, noFilters, { column: 'duration', direction: 'asc' })).toEqual(['r2', 'r4', 'r0', 'r1', 'r3']);
    expect(ids(records, noFilters, { column: 'duration', direction: 'desc' })).toEqual(['r0', 'r4', 'r2', 'r1', 'r3']);
  });

  it('is stable: equal values keep the list order in both directions', () => {
    const records = list([{ status: 'SENT' }, { status: 'FAILED' }, { status: 'SENT' }, { status: 'FAILED' }, { status: 'SENT' }]);
    expect(ids(records, noFilters, { column: 'status', direction: 'asc' })).toEqual(['r1', 'r3', 'r0', 'r2', 'r4']);
    expect(ids(records, noFilters, { column: 'status', direction: 'desc' })).toEqual(['r0', 'r2', 'r4', 'r1', 'r3']);
  });
});

describe('sorting every column of a larger list', () => {
  // Many ties and missing values in every column, as real lists have.
  const records = list(
    Array.from({ length: 600 }, (_, i) => ({
      c: i % 29 === 0 ? null : 1_700_000_000 + (i % 37) * 60,
      u: i % 31 === 0 ? null : 1_700_000_000 + (i % 11) * 60,
      duration: i % 7 === 0 ? null : (i % 9) * 60,
      class_id: `school::${['Lab', 'lab', 'room-2', 'room-10', 'gym'][i % 5]}`,
      client: i % 13 === 0 ? undefined : `client-${i % 4}`,
      status: [null, 'SENT', 'FAILED', 'PROCESSED'][i % 4],
      mode: [null, 'portrait', 'landscape'][i % 3],
      version: i % 5 === 0 ? null : `1.${i % 3}`,
      uuid: i % 17 === 0 ? null : `${(i % 50).toString(16).padStart(2, '0')}-ID-${i % 3}`,
      session_id: i % 19 === 0 ? null : `S${i % 40}`,
    })),
  );

  it('gives both directions as one comparison says, for every column (missing last, ties in list order)', () => {
    for (const column of SORT_COLUMNS) {
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { column, direction };
        const expected = records.map((_, i) => i).sort(indexComparator(records, sort));
        expect([...sortedOrder(records, sort)], `${column} ${direction}`).toEqual(expected);
      }
    }
  });

  it('ranks ids by their characters, ignoring case', () => {
    const ids = list([{ uuid: 'b-2' }, { uuid: 'A-10' }, { uuid: 'a-10' }, { uuid: 'a-9' }, { uuid: null }]);
    const uuids = (direction: 'asc' | 'desc') => [...sortedOrder(ids, { column: 'uuid', direction })].map((i) => ids[i]!.uuid);
    expect(uuids('asc')).toEqual(['A-10', 'a-10', 'a-9', 'b-2', null]);
    expect(uuids('desc')).toEqual(['b-2', 'a-9', 'A-10', 'a-10', null]);
  });
});

describe('filtering', () => {
  const sort: SortState = { column: 'created', direction: 'asc' };

  it('filters by mode when the first record has a null mode', () => {
    const records = list([{ mode: null, c: 1 }, { mode: 'portrait', c: 2 }, { mode: 'landscape', c: 3 }, { c: 4, mode: 'portrait' }]);
    expect(ids(records, { ...noFilters, modes: ['portrait'] }, sort)).toEqual(['r1', 'r3']);
    expect(ids(records, { ...noFilters, modes: [MISSING] }, sort)).toEqual(['r0']);
    expect(facetOptions(records, 'mode')).toEqual([
      { value: 'portrait', count: 2 },
      { value: MISSING, count: 1 },
      { value: 'landscape', count: 1 },
    ]);
  });

  it('filters by several statuses, and offers a status nobody has seen before', () => {
    const records = list([{ status: 'SENT', c: 1 }, { status: 'ARCHIVED_TO_TAPE', c: 2 }, { status: 'FAILED', c: 3 }]);
    expect(facetOptions(records, 'status').map((o) => o.value)).toContain('ARCHIVED_TO_TAPE');
    expect(ids(records, { ...noFilters, statuses: ['ARCHIVED_TO_TAPE', 'FAILED'] }, sort)).toEqual(['r1', 'r2']);
  });

  it('searches uuid, session id, _id, class and room, ignoring case', () => {
    const records = list([
      { _id: 'AbC-1', c: 1 },
      { uuid: 'find-ME-uuid', c: 2 },
      { session_id: 'sess-xyz', c: 3 },
      { class_id: 'school::Physics Lab', c: 4 },
    ]);
    expect(ids(records, { ...noFilters, search: 'abc' }, sort)).toEqual(['AbC-1']);
    expect(ids(records, { ...noFilters, search: 'find-me' }, sort)).toEqual(['r1']);
    expect(ids(records, { ...noFilters, search: 'XYZ' }, sort)).toEqual(['r2']);
    expect(ids(records, { ...noFilters, search: 'physics lab' }, sort)).toEqual(['r3']);
  });

  it('updates options and counts when new data arrives', () => {
    const first = list([{ status: 'SENT' }]);
    const second = [...first, ...list([{ _id: 'n1', status: 'QUEUED' }, { _id: 'n2', status: 'SENT' }])];
    expect(facetOptions(first, 'status')).toEqual([{ value: 'SENT', count: 1 }]);
    expect(facetOptions(second, 'status')).toEqual([
      { value: 'SENT', count: 2 },
      { value: 'QUEUED', count: 1 },
    ]);
  });

  it('adds up the hours of what is shown', () => {
    const records = list([{ duration: 3600, status: 'SENT' }, { duration: 1800, status: 'FAILED' }, { duration: null }]);
    // Everything shown: the list's summary has the total. Filtered: the filter pass adds it up.
    expect(summarize(emptySummary, records).totalSeconds).toBe(5400);
    const failed = new VisiblePass({ records, filters: { ...noFilters, statuses: ['FAILED'] }, sort, now: Date.now() });
    failed.run();
    expect(failed.answer().seconds).toBe(1800);
  });
});

describe('more filters', () => {
  const sort: SortState = { column: 'created', direction: 'asc' };
  // Wednesday 2026-12-02, 10:00 local time.
  const now = new Date(2026, 11, 2, 10, 0, 0).getTime();
  const at = (y: number, m: number, d: number, h = 9) => new Date(y, m - 1, d, h).getTime() / 1000;
  const records = list([
    { c: at(2026, 12, 2), duration: 5 * 60, class_id: 'north::lab', client: 'north' },
    { c: at(2026, 11, 28), duration: 30 * 60 + 30, class_id: 'south::lab', client: 'south' },
    { c: at(2026, 11, 20), duration: 90 * 60, class_id: 'north::hall', client: 'north' },
    { c: at(2026, 10, 1), duration: null, class_id: 'north::lab', client: 'north' },
  ]);
  const shown = (filters: Partial<RecordingFilters>) => [...visibleIndexes(records, { ...noFilters, ...filters }, sort, now)].map((i) => records[i]!.id);

  it('filters by created-date presets relative to now, and by custom days (both inclusive)', () => {
    expect(shown({ created: 'today' })).toEqual(['r0']);
    expect(shown({ created: '7d' })).toEqual(['r1', 'r0']);
    expect(shown({ created: '30d' })).toEqual(['r2', 'r1', 'r0']);
    expect(shown({ created: 'custom', createdFrom: '2026-11-20', createdTo: '2026-11-28' })).toEqual(['r2', 'r1']);
    expect(shown({ created: 'custom', createdFrom: null, createdTo: '2026-11-01' })).toEqual(['r3']);
  });

  it('filters by duration in whole minutes, leaving out unknown durations', () => {
    expect(shown({ durationMin: 30 })).toEqual(['r2', 'r1']);
    expect(shown({ durationMax: 30 })).toEqual(['r1', 'r0']);
    expect(shown({ durationMin: 6, durationMax: 60 })).toEqual(['r1']);
  });

  it('filters by client and by room', () => {
    expect(shown({ clients: ['south'] })).toEqual(['r1']);
    expect(shown({ rooms: ['lab'] })).toEqual(['r3', 'r1', 'r0']);
    expect(shown({ rooms: ['lab'], clients: ['north'] })).toEqual(['r3', 'r0']);
  });
});

describe('orders while a list streams in', () => {
  it('extends an order by merging new rows, giving the same result as a full sort', () => {
    const all = list(Array.from({ length: 40 }, (_, i) => ({ c: (i * 7919) % 23, duration: i % 5 === 0 ? null : (i * 31) % 17 })));
    for (const sortState of [
      { column: 'created', direction: 'desc' },
      { column: 'duration', direction: 'asc' },
      { column: 'duration', direction: 'desc' },
    ] as SortState[]) {
      let order: Uint32Array = new Uint32Array(0);
      for (let end = 7; end <= all.length + 6; end += 7) {
        const part = all.slice(0, Math.min(end, all.length));
        order = extendOrder(part, order, sortState);
        expect([...order]).toEqual([...sortedOrder(part, sortState)]);
      }
    }
  });
});

describe('needs attention', () => {
  const now = Date.UTC(2026, 11, 3, 12);
  const hoursAgo = (h: number) => (now - h * 3_600_000) / 1000;
  const records = list([
    { c: hoursAgo(30), status: 'PROCESSING' },
    { c: hoursAgo(30), status: 'SENT' },
    { c: hoursAgo(30), status: 'processed' },
    { c: hoursAgo(2), status: 'QUEUED' },
    { c: hoursAgo(50), status: 'SOMETHING_NEW' },
    { c: hoursAgo(50), status: null },
  ]);

  it('flags recordings not processed or sent some hours after they were made, unknown states included', () => {
    expect(records.map((r) => needsAttention(r, now, 24))).toEqual([true, false, false, false, true, true]);
    expect(records.map((r) => needsAttention(r, now, 1))).toEqual([true, false, false, true, true, true]);
    expect(countNeedingAttention(records, now, 48)).toBe(2);
  });

  it('forms a filter', () => {
    const shown = [...visibleIndexes(records, { ...noFilters, attention: true, attentionHours: 24 }, { column: 'created', direction: 'asc' }, now)];
    expect(shown.map((i) => records[i]!.id)).toEqual(['r4', 'r5', 'r0']);
  });
});

describe('list summary kept up to date batch by batch', () => {
  it('gives the same counts, hours and attention figures as computing over the whole list', () => {
    const now = Date.UTC(2026, 11, 3, 12);
    const all = list(
      Array.from({ length: 30 }, (_, i) => ({
        status: ['SENT', 'FAILED', null, 'QUEUED', 'processed'][i % 5],
        mode: i % 3 ? 'landscape' : null,
        class_id: `school::room-${i % 4}`,
        duration: i % 7 ? i * 60 : null,
        c: (now - i * 5 * 3_600_000) / 1000,
      })),
    );
    let summary = emptySummary;
    for (let i = 0; i < all.length; i += 8) summary = summarize(summary, all.slice(i, i + 8));
    for (const field of ['status', 'mode', 'client', 'room'] as const) {
      expect(optionsFromCounts(summary.facets[field])).toEqual(facetOptions(all, field));
    }
    expect(summary.totalSeconds).toBe(all.reduce((total, r) => total + (r.durationSeconds ?? 0), 0));
    for (const hours of [1, 24, 72]) {
      expect(countNeedingAttentionIn(summary, now, hours)).toBe(countNeedingAttention(all, now, hours));
    }
  });
});

describe('filtering a slice at a time', () => {
  const records = list(
    Array.from({ length: 5_000 }, (_, i) => ({
      c: 1_700_000_000 + ((i * 7919) % 5_000),
      class_id: `school::room-${i % 13}`,
      status: i % 3 === 0 ? 'FAILED' : 'SENT',
      duration: i % 11 === 0 ? null : 60 + (i % 90) * 60,
    })),
  );
  const sort: SortState = { column: 'created', direction: 'desc' };

  it('gives the same rows and total, in the same order, as filtering at once', () => {
    const filters = { ...noFilters, statuses: ['FAILED'], search: 'room-1' };
    const pass = new VisiblePass({ records, filters, sort, now: 0 });
    let slices = 1;
    // A deadline already past: one look at the clock's worth of records per call.
    while (!pass.run(0)) slices += 1;
    expect(slices).toBeGreaterThan(1);
    const answer = pass.answer();
    const atOnce = visibleIndexes(records, filters, sort, 0);
    expect([...answer.indexes]).toEqual([...atOnce]);
    expect(answer.indexes.length).toBeGreaterThan(0);
    expect(answer.seconds).toBe([...atOnce].reduce((total, i) => total + (records[i]!.durationSeconds ?? 0), 0));
  });

  it('has no answer before it is done, and needs no pass when nothing is filtered', () => {
    const pass = new VisiblePass({ records, filters: { ...noFilters, search: 'room' }, sort, now: 0 });
    pass.run(0);
    expect(() => pass.answer()).toThrow();
    const everything = new VisiblePass({ records, filters: noFilters, sort, now: 0 });
    expect(everything.run(0)).toBe(true);
    expect(everything.answer().indexes).toBe(sortedOrder(records, sort));
    expect(everything.answer().seconds).toBeNull();
  });
});
