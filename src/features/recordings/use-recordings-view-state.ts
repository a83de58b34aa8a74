import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { defaultSort, type RecordingFilters, type SortColumn, type SortState } from './recordings-view';

/**
 * The list's view (filters, search, sort) lives in the URL: reload restores it, a copied link
 * opens the same view, back and forward step through changes.
 */

const SORT_COLUMNS: readonly SortColumn[] = ['created', 'updated', 'duration', 'room', 'client', 'status', 'mode', 'version'];

export interface RecordingsViewState {
  filters: RecordingFilters;
  sort: SortState;
}

export function readViewState(params: URLSearchParams): RecordingsViewState {
  const sortParam = params.get('sort');
  const column = SORT_COLUMNS.find((candidate) => candidate === sortParam);
  const direction = params.get('dir');
  return {
    filters: {
      statuses: params.getAll('status'),
      modes: params.getAll('mode'),
      search: params.get('q') ?? '',
    },
    sort: column
      ? { column, direction: direction === 'asc' ? 'asc' : 'desc' }
      : { ...defaultSort, direction: direction === 'asc' ? 'asc' : defaultSort.direction },
  };
}

export function writeViewState(state: RecordingsViewState, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of ['status', 'mode', 'q', 'sort', 'dir']) params.delete(key);
  for (const status of state.filters.statuses) params.append('status', status);
  for (const mode of state.filters.modes) params.append('mode', mode);
  if (state.filters.search !== '') params.set('q', state.filters.search);
  if (state.sort.column !== defaultSort.column || state.sort.direction !== defaultSort.direction) {
    params.set('sort', state.sort.column);
    params.set('dir', state.sort.direction);
  }
  return params;
}

export function useRecordingsViewState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readViewState(params), [params]);

  const update = useCallback(
    (change: (current: RecordingsViewState) => RecordingsViewState, options: { replace?: boolean } = {}) => {
      setParams((current) => writeViewState(change(readViewState(current)), current), {
        replace: options.replace ?? false,
        preventScrollReset: true,
      });
    },
    [setParams],
  );

  return { ...state, update };
}

export function hasActiveFilters(filters: RecordingFilters): boolean {
  return filters.statuses.length > 0 || filters.modes.length > 0 || filters.search.trim() !== '';
}
