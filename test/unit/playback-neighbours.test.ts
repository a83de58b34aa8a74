import { describe, expect, it } from 'vitest';
import type { Recording } from '../../src/features/recordings/recording';
import { listNeighbours, listOriginFrom, neighboursIn } from '../../src/features/recordings/recording-neighbours';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import { rawRecord } from '../harness/fixtures';

// Previous / next on the detail page: the same filters and order as the list the user came from.

function list(overrides: Record<string, unknown>[]): Recording[] {
  return overrides.map((o, i) => normalizeRecording(rawRecord({ _id: `r${i}`, ...o })));
}

const records = list([
  { c: 100, status: 'SENT', class_id: 'school::physics', duration: 600 },
  { c: 500, status: 'FAILED', class_id: 'school::maths', duration: 3000 },
  { c: 300, status: 'SENT', class_id: 'school::maths', duration: 1200 },
  { c: 400, status: 'PROCESSED', class_id: 'school::physics', duration: 60 },
  { c: 200, status: 'SENT', class_id: 'school::physics', duration: 2400 },
]);

function around(search: string, id: string) {
  const found = listNeighbours(records, new URLSearchParams(search), id);
  return found && { previous: found.previous?.id ?? null, next: found.next?.id ?? null, position: found.position, total: found.total };
}

describe('previous and next in the list the user came from', () => {
  it('follow the default order, newest first', () => {
    // Newest first: r1 (500), r3 (400), r2 (300), r4 (200), r0 (100).
    expect(around('', 'r2')).toEqual({ previous: 'r3', next: 'r4', position: 3, total: 5 });
    expect(around('', 'r1')).toEqual({ previous: null, next: 'r3', position: 1, total: 5 });
    expect(around('', 'r0')).toEqual({ previous: 'r4', next: null, position: 5, total: 5 });
  });

  it('skip what the filters hide', () => {
    // SENT only, newest first: r2, r4, r0.
    expect(around('status=SENT', 'r4')).toEqual({ previous: 'r2', next: 'r0', position: 2, total: 3 });
    expect(around('status=SENT&q=physics', 'r4')).toEqual({ previous: null, next: 'r0', position: 1, total: 2 });
  });

  it('follow the chosen sort', () => {
    // Duration, shortest first: r3 (60), r0 (600), r2 (1200), r4 (2400), r1 (3000).
    expect(around('sort=duration&dir=asc', 'r2')).toEqual({ previous: 'r0', next: 'r4', position: 3, total: 5 });
    expect(around('sort=duration&dir=desc', 'r2')).toEqual({ previous: 'r4', next: 'r0', position: 3, total: 5 });
  });

  it('are not there when the recording is not in that list (say, reached from the room strip)', () => {
    expect(around('status=FAILED', 'r2')).toBeNull();
    expect(neighboursIn(records, new Uint32Array(), 'r2')).toBeNull();
  });

  it('of a single recording are none', () => {
    expect(around('status=PROCESSED', 'r3')).toEqual({ previous: null, next: null, position: 1, total: 1 });
  });
});

describe('the list the user came from', () => {
  it('is read from the history state the table leaves: the account or a room, with its view', () => {
    expect(listOriginFrom({ from: '/?status=SENT&sort=duration' })).toMatchObject({ href: '/?status=SENT&sort=duration', roomId: null });
    expect(listOriginFrom({ from: '/?status=SENT' })?.params.getAll('status')).toEqual(['SENT']);
    expect(listOriginFrom({ from: '/rooms/Salle%2012%20%C3%A9?q=x' })).toMatchObject({ roomId: 'Salle 12 é', href: '/rooms/Salle%2012%20%C3%A9?q=x' });
    expect(listOriginFrom({ from: '/rooms/annex%3A%3Astudio-2' })?.roomId).toBe('annex::studio-2');
  });

  it('is nothing for a fresh tab, a shared link, or anything else in the state', () => {
    for (const state of [null, undefined, 'x', {}, { from: 42 }, { from: 'https://evil.example/' }, { from: '//evil.example/' }, { from: '/recordings/x' }, { from: '/rooms/%E0%A4%A' }]) {
      expect(listOriginFrom(state)).toBeNull();
    }
  });
});
