import { afterEach, describe, expect, it } from 'vitest';
import type { Recording } from '../../src/features/recordings/recording';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import { countNeedingAttention } from '../../src/features/recordings/recordings-view';
import { dayWindow, localDayKey, roomFigures, summarizeRooms, unprocessedShare } from '../../src/features/rooms/room-stats';
import { fixtureJson, rawRecord } from '../harness/fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function list(overrides: Record<string, unknown>[]): Recording[] {
  return overrides.map((o, i) => normalizeRecording(rawRecord({ _id: `r${i}`, ...o })));
}

/** `c` is epoch seconds in the API. */
const at = (epochMs: number) => epochMs / 1000;

describe('room figures', () => {
  // Noon, local time: far from midnight, so "n hours ago" never crosses a day by accident.
  const now = new Date(2026, 10, 18, 12, 0, 0).getTime();

  const records = list([
    // physics: 3 recordings, 1 h + 30 min + unknown duration; one stuck 30 h, one fresh.
    { class_id: 'school::physics', c: at(now - 2 * HOUR), status: 'SENT', duration: 3600 },
    { class_id: 'school::physics', c: at(now - 30 * HOUR), status: 'QUEUED', duration: 1800 },
    { class_id: 'school::physics', c: at(now - 5 * HOUR), status: 'PROCESSING', duration: null },
    // Salle 12 é: lower-case "sent" is finished; an unknown status and a missing one are not.
    { class_id: 'school::Salle 12 é', c: at(now - 50 * HOUR), status: 'sent', duration: 600 },
    { class_id: 'school::Salle 12 é', c: at(now - 49 * HOUR), status: 'ARCHIVED', duration: 60 },
    { class_id: 'school::Salle 12 é', c: at(now - 1 * HOUR), status: null, duration: 120 },
    // a::b::c: the room id keeps its "::" (only the first one separates the client).
    { class_id: 'school::a::b::c', c: null, status: 'FAILED', duration: 45 },
  ]);

  it('counts recordings, seconds, first and last recording per room, in first-seen order', () => {
    const { rooms } = summarizeRooms(records, { now, attentionHours: 24 });
    expect(rooms.map((room) => room.roomId)).toEqual(['physics', 'Salle 12 é', 'a::b::c']);
    const [physics, salle, abc] = rooms;
    expect(physics).toMatchObject({ recordings: 3, totalSeconds: 5400, lastCreatedAt: now - 2 * HOUR, firstCreatedAt: now - 30 * HOUR });
    expect(salle).toMatchObject({ recordings: 3, totalSeconds: 780, lastCreatedAt: now - 1 * HOUR, firstCreatedAt: now - 50 * HOUR });
    expect(abc).toMatchObject({ recordings: 1, totalSeconds: 45, lastCreatedAt: null, firstCreatedAt: null });
  });

  it('counts not-yet-processed and needing-attention as the list does', () => {
    const { rooms, total } = summarizeRooms(records, { now, attentionHours: 24 });
    const [physics, salle, abc] = rooms;
    // physics: QUEUED (30 h) and PROCESSING (5 h) are unprocessed; only the 30 h one is stuck.
    expect(physics).toMatchObject({ unprocessed: 2, needingAttention: 1 });
    // Salle: ARCHIVED (49 h, unknown = unfinished) and missing status (1 h); "sent" is finished.
    expect(salle).toMatchObject({ unprocessed: 2, needingAttention: 1 });
    // FAILED without a time: unprocessed, but never "needs attention" (no age to judge).
    expect(abc).toMatchObject({ unprocessed: 1, needingAttention: 0 });
    expect(total).toMatchObject({ recordings: 7, totalSeconds: 6225, unprocessed: 5, needingAttention: 2 });
    expect(unprocessedShare(physics!)).toBeCloseTo(2 / 3);
    expect(unprocessedShare({ recordings: 0, unprocessed: 0 })).toBe(0);

    // At 6 h, the PROCESSING one (5 h) is still fine; at 4 h it is stuck too.
    expect(summarizeRooms(records, { now, attentionHours: 6 }).rooms[0]!.needingAttention).toBe(1);
    expect(summarizeRooms(records, { now, attentionHours: 4 }).rooms[0]!.needingAttention).toBe(2);
    expect(summarizeRooms(records, { now, attentionHours: 72 }).total.needingAttention).toBe(0);
  });

  it('counts statuses exactly as sent, a missing one under ""', () => {
    const { rooms, total } = summarizeRooms(records, { now, attentionHours: 24 });
    expect(Object.fromEntries(rooms[1]!.statuses)).toEqual({ sent: 1, ARCHIVED: 1, '': 1 });
    expect(Object.fromEntries(total.statuses)).toEqual({ SENT: 1, QUEUED: 1, PROCESSING: 1, sent: 1, ARCHIVED: 1, '': 1, FAILED: 1 });
  });

  it('agrees with the list’s own needs-attention count on every threshold', () => {
    const many = list(
      Array.from({ length: 400 }, (_, i) => ({
        class_id: `school::room-${i % 7}`,
        c: i % 13 === 0 ? null : at(now - ((i * 37) % 200) * HOUR),
        status: ['SENT', 'PROCESSED', 'QUEUED', 'FAILED', null, 'weird'][i % 6],
      })),
    );
    for (const hours of [1, 6, 24, 48, 168]) {
      expect(summarizeRooms(many, { now, attentionHours: hours }).total.needingAttention).toBe(countNeedingAttention(many, now, hours));
    }
  });

  it('gives one room’s figures whatever its records say their room is', () => {
    const figures = roomFigures(records.slice(3, 6), now, 24);
    expect(figures).toMatchObject({ recordings: 3, totalSeconds: 780, unprocessed: 2, needingAttention: 1, lastCreatedAt: now - HOUR });
    expect(roomFigures([], now, 24)).toMatchObject({ recordings: 0, totalSeconds: 0, lastCreatedAt: null, unprocessed: 0 });
  });

  it('reads the API document’s own examples', () => {
    const all = fixtureJson<{ obj: unknown[] }>('all-recordings.response.json').obj;
    const room = fixtureJson<{ obj: { recordings: unknown[] } }>('room-recordings.response.json').obj.recordings;
    const records = [...all, ...room].map(normalizeRecording);
    const { rooms } = summarizeRooms(records, { now: Date.UTC(2026, 0, 1), attentionHours: 24 });
    const byId = Object.fromEntries(rooms.map((r) => [r.roomId, r]));
    expect(Object.keys(byId).sort()).toEqual(['123456', 'red-wizard']);
    expect(byId['red-wizard']).toMatchObject({ recordings: 1, totalSeconds: 45, unprocessed: 0 });
    expect(byId['red-wizard']!.lastCreatedAt).toBeCloseTo(1631806475510.207, 0);
    expect(byId['123456']).toMatchObject({ recordings: 2, totalSeconds: 34, unprocessed: 0 });
    expect(byId['123456']!.lastCreatedAt).toBeCloseTo(1643655182510.652, 0);
  });
});

describe('activity per day', () => {
  const now = new Date(2026, 10, 18, 12, 0, 0).getTime();
  const today = new Date(2026, 10, 18).getTime();

  it('puts each recording on its local day, oldest day first, and leaves out what is outside', () => {
    const records = list([
      { class_id: 's::r', c: at(today + 1000), duration: 600 }, // today, 00:00:01
      { class_id: 's::r', c: at(today - 1), duration: 60 }, // yesterday, 23:59:59.999
      { class_id: 's::r', c: at(today - 1), duration: null },
      { class_id: 's::r', c: at(today - 6 * DAY + HOUR), duration: 120 }, // first day of a 7-day window
      { class_id: 's::r', c: at(today - 7 * DAY + HOUR), duration: 120 }, // before it
      { class_id: 's::r', c: at(today + DAY + HOUR), duration: 120 }, // tomorrow (a clock ahead)
      { class_id: 's::r', c: null, duration: 120 },
    ]);
    const { rooms, window } = summarizeRooms(records, { now, attentionHours: 24, days: 7 });
    expect(window.starts).toHaveLength(7);
    expect(localDayKey(window.starts[0]!)).toBe('2026-11-12');
    expect(localDayKey(window.starts[6]!)).toBe('2026-11-18');
    const room = rooms[0]!;
    expect([...room.dayCounts]).toEqual([1, 0, 0, 0, 0, 2, 1]);
    expect([...room.daySeconds]).toEqual([120, 0, 0, 0, 0, 60, 600]);
    // Every recording still counts in the figures.
    expect(room.recordings).toBe(7);
  });

  it('covers 90 days by default', () => {
    const { window, rooms } = summarizeRooms(list([{ c: at(now) }]), { now, attentionHours: 24 });
    expect(window.starts).toHaveLength(90);
    expect(rooms[0]!.dayCounts[89]).toBe(1);
  });
});

describe('local days across a daylight-saving change', () => {
  const zone = process.env.TZ;
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('keeps the 23-hour and 25-hour days whole (Europe/Paris, 2026)', () => {
    process.env.TZ = 'Europe/Paris';
    // Clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120);
    const spring = dayWindow(new Date(2026, 2, 31, 12).getTime(), 4);
    expect(spring.starts.map(localDayKey)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
    expect(spring.starts[2]! - spring.starts[1]!).toBe(23 * HOUR);

    const late = (y: number, m: number, d: number) => at(new Date(y, m, d, 23, 30).getTime());
    const records = list([
      { c: late(2026, 2, 28) },
      { c: late(2026, 2, 29) },
      { c: late(2026, 2, 30) },
      { c: at(new Date(2026, 2, 30, 0, 15).getTime()) },
    ]);
    const { rooms } = summarizeRooms(records, { now: new Date(2026, 2, 31, 12).getTime(), attentionHours: 24, days: 4 });
    expect([...rooms[0]!.dayCounts]).toEqual([1, 1, 2, 0]);

    const autumn = summarizeRooms(list([{ c: late(2026, 9, 25) }, { c: at(new Date(2026, 9, 26, 0, 30).getTime()) }]), {
      now: new Date(2026, 9, 26, 12).getTime(),
      attentionHours: 24,
      days: 2,
    });
    expect(autumn.window.end - autumn.window.starts[1]!).toBe(24 * HOUR);
    expect(autumn.window.starts[1]! - autumn.window.starts[0]!).toBe(25 * HOUR);
    expect([...autumn.rooms[0]!.dayCounts]).toEqual([1, 1]);
  });
});
