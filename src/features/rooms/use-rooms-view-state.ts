import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { DEFAULT_ATTENTION_HOURS } from '../recordings/recordings-view';
import { readViewState } from '../recordings/use-recordings-view-state';
import { defaultRoomSort, ROOM_SORT_COLUMNS, type RoomSort } from './rooms-view';

/**
 * The rooms overview's view lives in the URL, like the list's: `q` (search), `sort` + `dir`,
 * `after` (the needs-attention threshold in hours, read by the same rule as the list's filter),
 * `days` (the activity chart's range). Defaults are left out, so the plain address is `/rooms`.
 */

export const ACTIVITY_RANGES = [7, 14, 30, 90] as const;
export type ActivityRange = (typeof ACTIVITY_RANGES)[number];
export const DEFAULT_ACTIVITY_RANGE: ActivityRange = 14;

export interface RoomsViewState {
  search: string;
  sort: RoomSort;
  attentionHours: number;
  days: ActivityRange;
}

export function readRoomsViewState(params: URLSearchParams): RoomsViewState {
  const column = ROOM_SORT_COLUMNS.find((candidate) => candidate === params.get('sort')) ?? defaultRoomSort.column;
  const dir = params.get('dir');
  const days = ACTIVITY_RANGES.find((range) => String(range) === params.get('days')) ?? DEFAULT_ACTIVITY_RANGE;
  return {
    search: params.get('q') ?? '',
    sort: { column, direction: dir === 'asc' || dir === 'desc' ? dir : column === defaultRoomSort.column ? defaultRoomSort.direction : 'desc' },
    attentionHours: readViewState(params).filters.attentionHours,
    days,
  };
}

export function writeRoomsViewState(state: RoomsViewState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.search !== '') params.set('q', state.search);
  if (state.sort.column !== defaultRoomSort.column || state.sort.direction !== defaultRoomSort.direction) {
    params.set('sort', state.sort.column);
    params.set('dir', state.sort.direction);
  }
  if (state.attentionHours !== DEFAULT_ATTENTION_HOURS) params.set('after', String(state.attentionHours));
  if (state.days !== DEFAULT_ACTIVITY_RANGE) params.set('days', String(state.days));
  return params;
}

export function useRoomsViewState() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readRoomsViewState(params), [params]);
  const update = useCallback(
    (change: Partial<RoomsViewState>, options: { replace?: boolean } = {}) => {
      setParams((current) => writeRoomsViewState({ ...readRoomsViewState(current), ...change }), {
        replace: options.replace ?? false,
        preventScrollReset: true,
      });
    },
    [setParams],
  );
  return { ...state, update };
}
