import { describe, expect, it } from 'vitest';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import {
  forgetRecentRooms,
  MAX_RECENT_ROOMS,
  readRecentRooms,
  RECENT_ROOMS_KEY,
  rememberRoom,
} from '../../src/features/rooms/recent-rooms';
import { summarizeRooms } from '../../src/features/rooms/room-stats';
import { foldRoomText, roomIdsOf, similarRooms, suggestRooms, visibleRooms } from '../../src/features/rooms/rooms-view';
import { readRoomsViewState, writeRoomsViewState } from '../../src/features/rooms/use-rooms-view-state';
import { rawRecord } from '../harness/fixtures';

const now = new Date(2026, 10, 18, 12).getTime();
const HOUR = 3_600_000;

function summaries() {
  const rows = [
    { room: 'room 10', c: now - 1 * HOUR, duration: 600, status: 'SENT' },
    { room: 'room 9', c: now - 3 * HOUR, duration: 6000, status: 'QUEUED' },
    { room: 'room 9', c: now - 40 * HOUR, duration: 60, status: 'FAILED' },
    { room: 'Salle 12 é', c: now - 2 * HOUR, duration: 60, status: 'SENT' },
    { room: 'Salle 12 é', c: null, duration: 60, status: 'SENT' },
    { room: 'attic', c: null, duration: 10, status: 'FAILED' },
  ];
  const records = rows.map((row, i) =>
    normalizeRecording(rawRecord({ _id: `r${i}`, class_id: `s::${row.room}`, c: row.c === null ? null : row.c / 1000, duration: row.duration, status: row.status })),
  );
  return summarizeRooms(records, { now, attentionHours: 24 }).rooms;
}

const names = (rooms: { roomId: string }[]) => rooms.map((room) => room.roomId);

describe('the rooms table', () => {
  it('sorts names naturally (9 before 10), ignoring case and accents', () => {
    expect(names(visibleRooms(summaries(), '', { column: 'room', direction: 'asc' }))).toEqual(['attic', 'room 9', 'room 10', 'Salle 12 é']);
    expect(names(visibleRooms(summaries(), '', { column: 'room', direction: 'desc' }))).toEqual(['Salle 12 é', 'room 10', 'room 9', 'attic']);
  });

  it('sorts by each figure, ties by name, missing values last both ways', () => {
    const rooms = summaries();
    expect(names(visibleRooms(rooms, '', { column: 'recordings', direction: 'desc' }))).toEqual(['room 9', 'Salle 12 é', 'attic', 'room 10']);
    expect(names(visibleRooms(rooms, '', { column: 'hours', direction: 'desc' }))).toEqual(['room 9', 'room 10', 'Salle 12 é', 'attic']);
    expect(names(visibleRooms(rooms, '', { column: 'last', direction: 'desc' }))).toEqual(['room 10', 'Salle 12 é', 'room 9', 'attic']);
    expect(names(visibleRooms(rooms, '', { column: 'last', direction: 'asc' }))).toEqual(['room 9', 'Salle 12 é', 'room 10', 'attic']);
    expect(names(visibleRooms(rooms, '', { column: 'unprocessed', direction: 'desc' }))).toEqual(['attic', 'room 9', 'room 10', 'Salle 12 é']);
    expect(names(visibleRooms(rooms, '', { column: 'attention', direction: 'desc' }))).toEqual(['room 9', 'attic', 'room 10', 'Salle 12 é']);
  });

  it('finds rooms by any part of the name, ignoring case, accents and extra spaces', () => {
    const rooms = summaries();
    expect(names(visibleRooms(rooms, 'SALLE  12 E', { column: 'room', direction: 'asc' }))).toEqual(['Salle 12 é']);
    expect(names(visibleRooms(rooms, 'oom', { column: 'room', direction: 'asc' }))).toEqual(['room 9', 'room 10']);
    expect(visibleRooms(rooms, 'nothing', { column: 'room', direction: 'asc' })).toEqual([]);
    expect(foldRoomText('  É\u0301cole   Nº 5 ')).toBe('ecole nº 5');
  });
});

describe('the rooms overview URL', () => {
  it('reads defaults from a bare address and writes nothing for them', () => {
    const state = readRoomsViewState(new URLSearchParams());
    expect(state).toEqual({ search: '', sort: { column: 'room', direction: 'asc' }, attentionHours: 24, days: 14 });
    expect(writeRoomsViewState(state).toString()).toBe('');
  });

  it('round-trips every setting and ignores nonsense', () => {
    const state = { search: 'salle é', sort: { column: 'attention', direction: 'desc' }, attentionHours: 48, days: 90 } as const;
    const params = writeRoomsViewState(state);
    expect(params.toString()).toBe('q=salle+%C3%A9&sort=attention&dir=desc&after=48&days=90');
    expect(readRoomsViewState(params)).toEqual(state);
    expect(readRoomsViewState(new URLSearchParams('sort=bogus&dir=up&after=-3&days=12'))).toEqual(readRoomsViewState(new URLSearchParams()));
    // A figure column without a direction starts largest first.
    expect(readRoomsViewState(new URLSearchParams('sort=hours')).sort).toEqual({ column: 'hours', direction: 'desc' });
  });
});

describe('suggestions for the "go to room" box', () => {
  const known = ['room 9', 'room 10', 'Salle 12 é', 'gym', 'Grand hall'];

  it('offers recent rooms only while nothing is typed', () => {
    expect(suggestRooms('', ['gym', 'room 9'], known)).toEqual([
      { roomId: 'gym', recent: true },
      { roomId: 'room 9', recent: true },
    ]);
  });

  it('puts recent before known, names that start with the text before those that contain it', () => {
    expect(suggestRooms('g', ['room 9'], known).map((s) => s.roomId)).toEqual(['gym', 'Grand hall']);
    expect(suggestRooms('room', ['room 10'], known)).toEqual([
      { roomId: 'room 10', recent: true },
      { roomId: 'room 9', recent: false },
    ]);
    expect(suggestRooms('12 e', [], known).map((s) => s.roomId)).toEqual(['Salle 12 é']);
    expect(suggestRooms('r', [], Array.from({ length: 30 }, (_, i) => `r${i}`))).toHaveLength(8);
  });

  it('lists the distinct rooms of a list once, by name', () => {
    const records = ['b', 'a', 'b', '', 'a 10', 'a 9'].map((room, i) => normalizeRecording(rawRecord({ _id: `r${i}`, class_id: `s::${room}` })));
    expect(roomIdsOf(records)).toEqual(['a', 'a 9', 'a 10', 'b']);
    expect(roomIdsOf(records)).toBe(roomIdsOf(records));
  });

  it('proposes rooms that differ only in case, accents or spacing for an empty room', () => {
    expect(similarRooms('salle 12 e', known)).toEqual(['Salle 12 é']);
    expect(similarRooms('room', known)).toEqual(['room 9', 'room 10']);
    expect(similarRooms('gym', known)).toEqual([]);
  });
});

class MemoryStorage implements Storage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
}

describe('recently visited rooms', () => {
  it('keeps the newest first, without repeats, at most 8, per account', () => {
    const storage = new MemoryStorage();
    for (let i = 1; i <= 10; i += 1) rememberRoom('school', `room ${i}`, storage);
    rememberRoom('school', 'room 5', storage);
    rememberRoom('district', 'Salle 12 é', storage);
    expect(readRecentRooms('school', storage)).toEqual(['room 5', 'room 10', 'room 9', 'room 8', 'room 7', 'room 6', 'room 4', 'room 3']);
    expect(readRecentRooms('school', storage)).toHaveLength(MAX_RECENT_ROOMS);
    expect(readRecentRooms('district', storage)).toEqual(['Salle 12 é']);
    expect(readRecentRooms('nobody', storage)).toEqual([]);
    expect(storage.getItem(RECENT_ROOMS_KEY)).not.toContain('key');

    forgetRecentRooms('school', storage);
    expect(readRecentRooms('school', storage)).toEqual([]);
    expect(readRecentRooms('district', storage)).toEqual(['Salle 12 é']);
  });

  it('keeps odd room ids exactly and skips empty or over-long ones', () => {
    const storage = new MemoryStorage();
    const odd = '  a::b %2F #?é  ';
    rememberRoom('school', odd, storage);
    rememberRoom('school', '', storage);
    rememberRoom('school', 'x'.repeat(2000), storage);
    expect(readRecentRooms('school', storage)).toEqual([odd]);
  });

  it('survives unreadable, hostile or unavailable storage', () => {
    const storage = new MemoryStorage();
    storage.setItem(RECENT_ROOMS_KEY, '{not json');
    expect(readRecentRooms('school', storage)).toEqual([]);
    storage.setItem(RECENT_ROOMS_KEY, JSON.stringify({ school: ['ok', 42, null, '', { a: 1 }], other: 'nope' }));
    expect(readRecentRooms('school', storage)).toEqual(['ok']);
    rememberRoom('school', 'next', storage);
    expect(readRecentRooms('school', storage)).toEqual(['next', 'ok']);

    const broken = new MemoryStorage();
    broken.getItem = () => {
      throw new Error('denied');
    };
    broken.setItem = () => {
      throw new Error('quota');
    };
    expect(readRecentRooms('school', broken)).toEqual([]);
    expect(() => rememberRoom('school', 'x', broken)).not.toThrow();
    expect(readRecentRooms('school', null)).toEqual([]);
  });
});
