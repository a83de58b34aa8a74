import { describe, expect, it } from 'vitest';
import { noFilters } from '../../src/features/recordings/recordings-view';
import { readViewState, writeViewState, type RecordingsViewState } from '../../src/features/recordings/use-recordings-view-state';

describe('view state in the URL', () => {
  it('round-trips filters, search and sort, including odd values', () => {
    const state: RecordingsViewState = {
      filters: {
        ...noFilters,
        statuses: ['SENT', 'A,B&C=D', ''],
        modes: ['portrait'],
        clients: ['north high'],
        rooms: ['Salle 12 é', 'lab::2', '#hash?q=1'],
        search: 'Salle 12 é::x',
        created: 'custom',
        createdFrom: '2026-11-01',
        createdTo: '2026-11-30',
        durationMin: 5,
        durationMax: 120,
      },
      sort: { column: 'duration', direction: 'asc' },
      view: 'grid',
    };
    const params = writeViewState(state);
    const reread = readViewState(new URLSearchParams(params.toString()));
    expect(reread).toEqual(state);
  });

  it('leaves the default view out of the URL and keeps unrelated parameters', () => {
    const params = writeViewState(
      { filters: noFilters, sort: { column: 'created', direction: 'desc' }, view: 'table' },
      new URLSearchParams('t=30'),
    );
    expect(params.toString()).toBe('t=30');
  });

  it('falls back to the default sort for an unknown column', () => {
    expect(readViewState(new URLSearchParams('sort=password&dir=sideways')).sort).toEqual({ column: 'created', direction: 'desc' });
  });
});

describe('view state from hand-edited URLs', () => {
  it('ignores values it cannot use instead of failing', () => {
    const state = readViewState(new URLSearchParams('created=yesterday&from=2026-13-99&dmin=-5&dmax=abc&view=carousel'));
    expect(state.filters.created).toBeNull();
    expect(state.filters.durationMin).toBeNull();
    expect(state.filters.durationMax).toBeNull();
    expect(state.view).toBe('table');
  });
});

describe('view state from a hand-edited URL', () => {
  const read = (query: string) => readViewState(new URLSearchParams(query)).filters;

  it('ignores days that do not exist and numbers that are not plain minutes', () => {
    expect(read('created=custom&from=2026-13-45&to=2026-02-30')).toMatchObject({ created: 'custom', createdFrom: null, createdTo: null });
    expect(read('created=custom&from=notadate&to=2026-02-28')).toMatchObject({ createdFrom: null, createdTo: '2026-02-28' });
    expect(read('created=custom&from=2024-02-29')).toMatchObject({ createdFrom: '2024-02-29' });
    expect(read('dmin=0x10&dmax=1e3')).toMatchObject({ durationMin: null, durationMax: null });
    expect(read('dmin=-5&dmax=abc')).toMatchObject({ durationMin: null, durationMax: null });
    expect(read('dmin=12.7')).toMatchObject({ durationMin: 12 });
  });

  it('reads a value given twice as one choice', () => {
    const { filters } = readViewState(new URLSearchParams('status=FAILED&status=FAILED&room=a&room=b&room=a'));
    expect(filters.statuses).toEqual(['FAILED']);
    expect(filters.rooms).toEqual(['a', 'b']);
  });

  it('reads a search as the one-line box would: no line breaks or other control characters', () => {
    expect(readViewState(new URLSearchParams('q=g%0Aym')).filters.search).toBe('gym');
    expect(readViewState(new URLSearchParams('q=%01')).filters.search).toBe('');
    expect(readViewState(new URLSearchParams('q=%20salle%2012%20%C3%A9')).filters.search).toBe(' salle 12 é');
  });

  it('reads a range given the wrong way round as the same range', () => {
    expect(read('created=custom&from=2026-11-01&to=2026-10-01')).toMatchObject({ createdFrom: '2026-10-01', createdTo: '2026-11-01' });
    expect(read('dmin=60&dmax=10')).toMatchObject({ durationMin: 10, durationMax: 60 });
  });
});
