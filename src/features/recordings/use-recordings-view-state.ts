import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  DEFAULT_ATTENTION_HOURS,
  defaultSort,
  SORT_COLUMNS,
  type CreatedPreset,
  type RecordingFilters,
  type SortState,
} from './recordings-view';

/**
 * The list's view (filters, search, sort, table or grid) lives in the URL: reload restores it, a
 * copied link opens the same view, back and forward step through changes.
 */

export type ViewMode = 'table' | 'grid';

export interface RecordingsViewState {
  filters: RecordingFilters;
  sort: SortState;
  view: ViewMode;
}

const PRESETS: readonly CreatedPreset[] = ['today', '7d', '30d', 'custom'];
const OWN_PARAMS = ['status', 'mode', 'client', 'room', 'q', 'created', 'from', 'to', 'dmin', 'dmax', 'attention', 'after', 'sort', 'dir', 'view'];

function minutes(value: string | null): number | null {
  if (value === null || value.trim() === '') return null;
  const parsed = Number(value);
  return Number.isFinite(parsed) && parsed >= 0 ? Math.floor(parsed) : null;
}

function hours(value: string | null): number {
  const parsed = minutes(value);
  return parsed !== null && parsed >= 1 && parsed <= 24 * 365 ? parsed : DEFAULT_ATTENTION_HOURS;
}

function day(value: string | null): string | null {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

export function readViewState(params: URLSearchParams): RecordingsViewState {
  const sortParam = params.get('sort');
  const column = SORT_COLUMNS.find((candidate) => candidate === sortParam) ?? defaultSort.column;
  const dir = params.get('dir');
  const created = PRESETS.find((preset) => preset === params.get('created')) ?? null;
  return {
    filters: {
      statuses: params.getAll('status'),
      modes: params.getAll('mode'),
      clients: params.getAll('client'),
      rooms: params.getAll('room'),
      search: params.get('q') ?? '',
      created,
      createdFrom: created === 'custom' ? day(params.get('from')) : null,
      createdTo: created === 'custom' ? day(params.get('to')) : null,
      durationMin: minutes(params.get('dmin')),
      durationMax: minutes(params.get('dmax')),
      attention: params.get('attention') === '1',
      attentionHours: hours(params.get('after')),
    },
    sort: { column, direction: dir === 'asc' || dir === 'desc' ? dir : defaultSort.direction },
    view: params.get('view') === 'grid' ? 'grid' : 'table',
  };
}

export function writeViewState(state: RecordingsViewState, base = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const key of OWN_PARAMS) params.delete(key);
  const { filters, sort, view } = state;
  for (const status of filters.statuses) params.append('status', status);
  for (const mode of filters.modes) params.append('mode', mode);
  for (const client of filters.clients) params.append('client', client);
  for (const room of filters.rooms) params.append('room', room);
  if (filters.search !== '') params.set('q', filters.search);
  if (filters.created !== null) params.set('created', filters.created);
  if (filters.created === 'custom') {
    if (filters.createdFrom) params.set('from', filters.createdFrom);
    if (filters.createdTo) params.set('to', filters.createdTo);
  }
  if (filters.durationMin !== null) params.set('dmin', String(filters.durationMin));
  if (filters.durationMax !== null) params.set('dmax', String(filters.durationMax));
  if (filters.attention) params.set('attention', '1');
  if (filters.attentionHours !== DEFAULT_ATTENTION_HOURS) params.set('after', String(filters.attentionHours));
  if (sort.column !== defaultSort.column || sort.direction !== defaultSort.direction) {
    params.set('sort', sort.column);
    params.set('dir', sort.direction);
  }
  if (view !== 'table') params.set('view', view);
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

