// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Recording } from '../../src/features/recordings/recording';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import { noFilters, visibleIndexes, type RecordingFilters, type SortState } from '../../src/features/recordings/recordings-view';
import { useVisibleRecordings } from '../../src/features/recordings/use-visible-recordings';
import { rawRecord } from '../harness/fixtures';

const records: Recording[] = Array.from({ length: 3_000 }, (_, i) =>
  normalizeRecording(rawRecord({ _id: `r${i}`, c: 1_700_000_000 + i, class_id: `school::room-${i % 7}`, duration: 60 })),
);
const sort: SortState = { column: 'created', direction: 'desc' };
const ids = (list: readonly Recording[], indexes: Uint32Array) => [...indexes].map((i) => list[i]!.id);

/** Every list counts as large here (0 records are filtered in the render), so changes are sliced. */
function useSliced({ filters }: { filters: RecordingFilters }) {
  return useVisibleRecordings(records, filters, sort, 0, { inRenderUpTo: 0 });
}

describe('the rows a large list shows', () => {
  it('keep the last answer on screen while a new filter is worked out, then show the new one', async () => {
    const { result, rerender } = renderHook(useSliced, { initialProps: { filters: { ...noFilters, search: 'room-1' } } });
    // The first answer is there at once: a page never starts out blank.
    expect(result.current.pending).toBe(false);
    const before = ids(records, result.current.answer.indexes);
    expect(before).toEqual(ids(records, visibleIndexes(records, { ...noFilters, search: 'room-1' }, sort, 0)));
    expect(before.length).toBeGreaterThan(0);

    const narrower = { ...noFilters, search: 'room-1', statuses: ['SENT'] };
    rerender({ filters: { ...noFilters, search: 'room-3' } });
    expect(result.current.pending).toBe(true);
    expect(ids(records, result.current.answer.indexes)).toEqual(before);

    // Asked again before the pass ended: only the newest question is answered.
    rerender({ filters: narrower });
    await waitFor(() => expect(result.current.pending).toBe(false));
    expect(result.current.answer.request.filters).toBe(narrower);
    expect(ids(records, result.current.answer.indexes)).toEqual(ids(records, visibleIndexes(records, narrower, sort, 0)));
    expect(result.current.answer.seconds).toBe(result.current.answer.indexes.length * 60);
  });
});
