import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';
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

/** Whole minutes as typed in a URL: digits only (no "0x10", no "1e3", no "-5"). */
function minutes(value: string | null): number | null {
  if (value === null || !/^\s*\d+(\.\d*)?\s*$/.test(value)) return null;
  return Math.floor(Number(value));
}

function hours(value: string | null): number {
  const parsed = minutes(value);
  return parsed !== null && parsed >= 1 && parsed <= 24 * 365 ? parsed : DEFAULT_ATTENTION_HOURS;
}

/** A calendar day, YYYY-MM-DD, that exists (no 2026-13-45, no 2026-02-30). */
function day(value: string | null): string | null {
  if (value === null || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : null;
}

/** A range typed the wrong way round (from after to, min above max) means the same range. */
function ordered<T extends string | number>(low: T | null, high: T | null): [T | null, T | null] {
  return low !== null && high !== null && low > high ? [high, low] : [low, high];
}

export function readViewState(params: URLSearchParams): RecordingsViewState {
  const sortParam = params.get('sort');
  const column = SORT_COLUMNS.find((candidate) => candidate === sortParam) ?? defaultSort.column;
  const dir = params.get('dir');
  const created = PRESETS.find((preset) => preset === params.get('created')) ?? null;
  const [createdFrom, createdTo] = created === 'custom' ? ordered(day(params.get('from')), day(params.get('to'))) : [null, null];
  const [durationMin, durationMax] = ordered(minutes(params.get('dmin')), minutes(params.get('dmax')));
  return {
    filters: {
      // A value given twice is one choice (one chip), not two.
      statuses: [...new Set(params.getAll('status'))],
      modes: [...new Set(params.getAll('mode'))],
      clients: [...new Set(params.getAll('client'))],
      rooms: [...new Set(params.getAll('room'))],
      // As the search box reads it: a one-line box drops line breaks, and no id holds a control character.
      search: [...(params.get('q') ?? '')].filter((ch) => ch > '\u001f' && ch !== '\u007f').join(''),
      created,
      createdFrom,
      createdTo,
      durationMin,
      durationMax,
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

/**
 * The view state, and `update` to change it. React Router applies a navigation a moment after it
 * is asked for (in a transition), and its functional `setSearchParams` starts from the params of
 * the last render, so two changes in a row (a duration typed, then a sort clicked; fast typing in
 * the search box) would lose the first. So the params this hook has asked for and the router has
 * not shown yet are kept here, and both what it returns and the next change start from them.
 */
export function useRecordingsViewState() {
  const [params, setParams] = useSearchParams();
  const routerQuery = params.toString();
  // Each location shown has its own key: Back to the very address last seen (the changes asked
  // for in between never drawn, as happens when typing fast) is still a change from outside.
  const { key: locationKey } = useLocation();
  // Query strings asked for, oldest first, that the router has not caught up with yet.
  const [pending, setPending] = useState<readonly string[]>([]);
  const [seen, setSeen] = useState({ query: routerQuery, key: locationKey });
  if (routerQuery !== seen.query || locationKey !== seen.key) {
    setSeen({ query: routerQuery, key: locationKey });
    const landed = pending.indexOf(routerQuery);
    // One of ours arrived: keep those asked for after it. Anything else (back, forward, a link)
    // is a change from outside, and it wins.
    setPending(landed === -1 ? [] : pending.slice(landed + 1));
  }
  const effectiveQuery = pending.length > 0 ? pending[pending.length - 1]! : routerQuery;
  const state = useMemo(() => readViewState(new URLSearchParams(effectiveQuery)), [effectiveQuery]);

  // Changes made in one event, before a render, chain on each other too.
  const latest = useRef(effectiveQuery);
  useLayoutEffect(() => {
    latest.current = effectiveQuery;
  }, [effectiveQuery]);

  const update = useCallback(
    (change: (current: RecordingsViewState) => RecordingsViewState, options: { replace?: boolean } = {}) => {
      const base = new URLSearchParams(latest.current);
      const next = writeViewState(change(readViewState(base)), base);
      const query = next.toString();
      if (query === latest.current) return;
      latest.current = query;
      setPending((current) => [...current, query]);
      setParams(next, { replace: options.replace ?? false, preventScrollReset: true });
    },
    [setParams, setPending],
  );

  return { ...state, update };
}
