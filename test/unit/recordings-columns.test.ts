import { describe, expect, it } from 'vitest';
import type { Recording } from '../../src/features/recordings/recording';
import { ColumnsCoder, columnsFor, markMatches, primeColumns } from '../../src/features/recordings/recordings-columns';
import { normalizeRecording, searchTextOf } from '../../src/features/recordings/recording-schema';
import { needsAttention, noFilters, visibleIndexes, type RecordingFilters, type SortState } from '../../src/features/recordings/recordings-view';
import { rawRecord } from '../harness/fixtures';

const sort: SortState = { column: 'created', direction: 'asc' };

function recording(overrides: Record<string, unknown>): Recording {
  return normalizeRecording(rawRecord(overrides));
}

/** What the filters mean, written out plainly, record by record: the columns must agree with it. */
function plainly(records: readonly Recording[], filters: RecordingFilters, now: number): string[] {
  const needle = filters.search.trim().toLowerCase();
  return records
    .filter((r) => filters.statuses.length === 0 || filters.statuses.includes(r.status ?? ''))
    .filter((r) => filters.modes.length === 0 || filters.modes.includes(r.mode ?? ''))
    .filter((r) => filters.rooms.length === 0 || filters.rooms.includes(r.roomId))
    .filter((r) => filters.durationMin === null || (r.durationSeconds !== null && r.durationSeconds >= filters.durationMin * 60))
    .filter((r) => filters.durationMax === null || (r.durationSeconds !== null && r.durationSeconds <= filters.durationMax * 60 + 59))
    .filter((r) => needle === '' || searchTextOf(r).includes(needle))
    .filter((r) => !filters.attention || needsAttention(r, now, filters.attentionHours))
    .sort((a, b) => (a.createdAt ?? Infinity) - (b.createdAt ?? Infinity))
    .map((r) => r.id);
}

describe('searching the joined search text', () => {
  it('finds exactly what each record’s own text contains, never a match across two records', () => {
    const records = [
      recording({ _id: 'ends-with-ab', class_id: 'school::lab', c: 1 }),
      recording({ _id: 'cd-starts', class_id: 'school::gym', c: 2 }),
      recording({ _id: 'x', class_id: 'school::lab\nnote', c: 3 }),
    ];
    const chunk = columnsFor(records).search[0]!;
    for (const needle of ['ab', 'lab', 'gym', 'lab\nc', 'b\ncd', '\n', 'lab\nnote', 'zzz', 'x']) {
      const marks = new Uint8Array(records.length);
      markMatches(chunk, needle, marks);
      expect([...marks].map(Boolean), needle).toEqual(records.map((r) => searchTextOf(r).includes(needle)));
    }
  });
});

describe('a list’s columns', () => {
  const now = Date.UTC(2026, 0, 10);
  const statuses = ['SENT', 'FAILED', 'PROCESSING', null, 'MYSTERY'];
  const modes = ['landscape', 'portrait', null];
  const records = Array.from({ length: 9_000 }, (_, i) =>
    recording({
      _id: `r${i}`,
      c: i % 17 === 0 ? null : now / 1000 - (i % 400) * 3600,
      class_id: `school::room-${i % 23}`,
      status: statuses[i % statuses.length],
      mode: modes[i % modes.length],
      duration: i % 13 === 0 ? null : (i % 120) * 30,
    }),
  );
  const questions: Partial<RecordingFilters>[] = [
    { statuses: ['FAILED', ''] },
    { modes: [''] },
    { rooms: ['room-4', 'room-not-there'] },
    { durationMin: 10, durationMax: 30 },
    { search: 'ROOM-1' },
    { search: 'r8', statuses: ['SENT'] },
    { attention: true, attentionHours: 48 },
    { attention: true, attentionHours: 24, modes: ['portrait'], search: 'room-2' },
  ];

  it('answer every filter as the plain reading of it does', () => {
    for (const question of questions) {
      const filters = { ...noFilters, ...question };
      const shown = [...visibleIndexes(records, filters, sort, now)].map((i) => records[i]!.id);
      expect(shown, JSON.stringify(question)).toEqual(plainly(records, filters, now));
      expect(shown.length, JSON.stringify(question)).toBeGreaterThan(0);
    }
  });

  it('are the same when the list streamed in a batch at a time, and two lists grown from one prefix keep their own', () => {
    let streamed: Recording[] = [];
    for (let from = 0; from < records.length; from += 2_000) {
      const added = records.slice(from, from + 2_000);
      const next = streamed.concat(added);
      primeColumns(next, streamed, added);
      streamed = next;
    }
    const prefix = streamed.slice(0, 4_000);
    primeColumns(prefix, [], prefix);
    const other = records.slice(0, 10).map((r, i) => ({ ...r, id: `other${i}`, status: 'OTHER' }));
    const mine = records.slice(4_000, 5_000);
    const a = prefix.concat(mine);
    const b = prefix.concat(other);
    primeColumns(a, prefix, mine);
    primeColumns(b, prefix, other);
    for (const question of questions) {
      const filters = { ...noFilters, ...question };
      expect([...visibleIndexes(streamed, filters, sort, now)].map((i) => streamed[i]!.id)).toEqual(plainly(records, filters, now));
      expect([...visibleIndexes(a, filters, sort, now)].map((i) => a[i]!.id)).toEqual(plainly(a, filters, now));
    }
    const others = { ...noFilters, statuses: ['OTHER'] };
    expect([...visibleIndexes(b, others, sort, now)].map((i) => b[i]!.id)).toEqual(plainly(b, others, now));
    expect(plainly(b, others, now)).toHaveLength(other.length);
    expect([...visibleIndexes(a, { ...noFilters, statuses: ['OTHER'] }, sort, now)]).toEqual([]);
  });

  it('are the same when the loading worker made them a batch at a time', () => {
    // The worker's coder sees the batches in order, as the page adds them up.
    const coder = new ColumnsCoder();
    let streamed: Recording[] = [];
    for (let from = 0; from < records.length; from += 1_500) {
      const added = records.slice(from, from + 1_500);
      const next = streamed.concat(added);
      primeColumns(next, streamed, added, structuredClone(coder.batch(added)));
      streamed = next;
    }
    for (const question of questions) {
      const filters = { ...noFilters, ...question };
      expect([...visibleIndexes(streamed, filters, sort, now)].map((i) => streamed[i]!.id), JSON.stringify(question)).toEqual(
        plainly(records, filters, now),
      );
    }
  });
});
