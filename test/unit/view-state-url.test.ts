import { describe, expect, it } from 'vitest';
import { readViewState, writeViewState, type RecordingsViewState } from '../../src/features/recordings/use-recordings-view-state';

describe('view state in the URL', () => {
  it('round-trips filters, search and sort, including odd values', () => {
    const state: RecordingsViewState = {
      filters: { statuses: ['SENT', 'A,B&C=D', ''], modes: ['portrait'], search: 'Salle 12 é::x' },
      sort: { column: 'duration', direction: 'asc' },
    };
    const params = writeViewState(state);
    const reread = readViewState(new URLSearchParams(params.toString()));
    expect(reread).toEqual(state);
  });

  it('leaves the default view out of the URL and keeps unrelated parameters', () => {
    const params = writeViewState(
      { filters: { statuses: [], modes: [], search: '' }, sort: { column: 'created', direction: 'desc' } },
      new URLSearchParams('room=physics'),
    );
    expect(params.toString()).toBe('room=physics');
  });

  it('falls back to the default sort for an unknown column', () => {
    expect(readViewState(new URLSearchParams('sort=password&dir=sideways')).sort).toEqual({ column: 'created', direction: 'desc' });
  });
});
