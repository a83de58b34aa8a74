import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo, useState } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { RelativeTime } from '../../components/relative-time';
import { useNow } from '../../components/use-now';
import { AttentionContext } from './attention';
import { ColumnChooser } from './column-chooser';
import { FilterChips, StatusCounters } from './filter-chips';
import { countRecordings, formatBytes, formatCount, formatHours } from './format';
import type { Recording } from './recording';
import { RecordingFiltersBar } from './recording-filters';
import { exportCsv } from './recordings-csv';
import { RecordingsGrid } from './recordings-grid';
import type { RecordingsListQuery, RecordingsSnapshot } from './recordings-queries';
import { RecordingsTable } from './recordings-table';
import {
  countNeedingAttentionIn,
  defaultSort,
  orderKey,
  emptySummary,
  hasActiveFilters,
  hasOrder,
  noFilters,
  optionsFromCounts,
  type RecordingFilters,
  type SortState,
} from './recordings-view';
import { UnreadableNotice } from './unreadable-notice';
import { useColumnVisibility } from './use-column-visibility';
import { useRecordingsViewState, type ViewMode } from './use-recordings-view-state';
import { FILTER_IN_RENDER_UP_TO, useVisibleRecordings } from './use-visible-recordings';

const NO_RECORDS: Recording[] = [];

/**
 * A whole list of recordings: filters, summary, table or grid, export, and every state in between
 * (loading with progress, empty, no matches, failed, stale). Used for the account and for a room.
 */
export function RecordingsBrowser({
  query,
  emptyMessage,
  label,
  exportName,
  showRoomFilter = true,
}: {
  query: RecordingsListQuery;
  emptyMessage: string;
  label: string;
  exportName: string;
  showRoomFilter?: boolean;
}) {
  const result = useQuery(query);
  const { filters, sort, view, update } = useRecordingsViewState();
  const [visibility, setVisibility] = useColumnVisibility();
  const [exporting, setExporting] = useState(false);
  const snapshot: RecordingsSnapshot | undefined = result.data;

  // New rows are shown as they arrive (the worker paces them); a filter or sort change on a huge
  // list is computed in the background while the current view stays interactive.
  const records = snapshot?.records ?? NO_RECORDS;
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);

  const now = useNow();
  // On a huge list, an order the worker has not sent yet would be a long sort on the page, made
  // again for every batch while the list streams in. Until it comes (a moment after the list is
  // complete) the list shows newest first, and says so.
  const orderComing =
    records.length > FILTER_IN_RENDER_UP_TO &&
    result.isFetching &&
    !(snapshot?.complete && !snapshot.ordersToFollow) &&
    !hasOrder(records, deferredSort);
  const shownSort = orderComing ? defaultSort : deferredSort;
  // On a huge list the filtering runs in slices; meanwhile the last view stays on screen, whole
  // (its records with its indexes), so the rows, count and export always agree.
  const { answer, pending } = useVisibleRecordings(records, deferredFilters, shownSort, now);
  const shownRecords = answer.request.records;
  const indexes = answer.indexes;
  const summary = snapshot?.summary ?? emptySummary;
  const facets = useMemo(
    () => ({
      status: optionsFromCounts(summary.facets.status),
      mode: optionsFromCounts(summary.facets.mode),
      client: optionsFromCounts(summary.facets.client),
      room: optionsFromCounts(summary.facets.room),
    }),
    [summary],
  );
  // Unfiltered, the total is already known; filtered, the filter pass added it up.
  const seconds = answer.seconds ?? summary.totalSeconds;
  const attentionCount = useMemo(
    () => countNeedingAttentionIn(summary, now, filters.attentionHours),
    [summary, now, filters.attentionHours],
  );
  const attention = useMemo(() => ({ hours: filters.attentionHours, now }), [filters.attentionHours, now]);

  const setFilters = useCallback(
    (next: RecordingFilters, options?: { replace?: boolean }) => update((state) => ({ ...state, filters: next }), options),
    [update],
  );
  const setSort = useCallback((next: SortState) => update((state) => ({ ...state, sort: next })), [update]);
  const setView = (next: ViewMode) => update((state) => ({ ...state, view: next }));
  const clearFilters = () => setFilters(noFilters);

  // Nothing to show yet. The page around the list is drawn at once all the same (filters, header,
  // an empty table), so that the first rows to arrive only add rows: mounting everything at that
  // moment was one ~140 ms task at 100,000 recordings (bench/list-performance.ts).
  const waiting = !snapshot || (snapshot.records.length === 0 && !snapshot.complete);
  if (waiting) {
    if (result.isError) {
      return (
        <ErrorPanel
          title="The recordings could not be loaded"
          error={result.error}
          action={
            <button type="button" className="button button--primary" onClick={() => result.refetch()}>
              Try again
            </button>
          }
        />
      );
    }
    if (result.fetchStatus === 'paused') return <LoadingState snapshot={snapshot} paused />;
  }

  const loading = !snapshot?.complete && result.isFetching;
  const shownFiltered = hasActiveFilters(answer.request.filters);
  const stale = result.isError;

  return (
    <AttentionContext value={attention}>
      <div className="browser">
        <StatusCounters options={facets.status} filters={filters} onChange={setFilters} />
        <RecordingFiltersBar
          filters={filters}
          facets={facets}
          attentionCount={attentionCount}
          onChange={setFilters}
          showRoomFilter={showRoomFilter}
        />
        <FilterChips filters={filters} onChange={setFilters} />

        <div className="summary-bar">
          <p className="summary" role="status" aria-live="polite" aria-atomic="true">
            {waiting ? (
              'Loading…'
            ) : (
              <>
                {shownFiltered
                  ? `${formatCount(indexes.length)} of ${countRecordings(shownRecords.length)}`
                  : countRecordings(shownRecords.length)}
                {' · '}
                {formatHours(seconds)} in total
                {loading ? ` · loading, ${formatBytes(snapshot?.bytes ?? 0)} so far` : ''}
                {orderComing && orderKey(sort) !== orderKey(defaultSort) ? ' · newest first until loaded' : ''}
              </>
            )}
          </p>
          <span className="summary-bar__spacer" />
          <div className="view-switch" role="group" aria-label="Show as">
            <button type="button" className="button button--small" aria-pressed={view === 'table'} onClick={() => setView('table')}>
              Table
            </button>
            <button type="button" className="button button--small" aria-pressed={view === 'grid'} onClick={() => setView('grid')}>
              Grid
            </button>
          </div>
          {view === 'table' ? <ColumnChooser visibility={visibility} onChange={setVisibility} /> : null}
          <button
            type="button"
            className="button"
            disabled={indexes.length === 0 || exporting}
            onClick={() => {
              setExporting(true);
              exportCsv(shownRecords, indexes, `${exportName}-${new Date().toISOString().slice(0, 10)}.csv`).finally(() => setExporting(false));
            }}
          >
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
          <RefreshControl
            updatedAt={result.dataUpdatedAt}
            // Complete, with only the sort orders still coming: nothing for the user to wait for.
            fetching={result.isFetching && !(snapshot?.complete && snapshot.ordersToFollow)}
            complete={snapshot?.complete ?? false}
            onRefresh={() => result.refetch()}
          />
        </div>

        {stale && snapshot ? (
          <p className="notice notice--warning" role="alert">
            {snapshot.complete ? 'Could not refresh: ' : 'The list stopped loading part-way: '}
            {result.error.message}{' '}
            {snapshot.complete
              ? 'The rows below are from the last successful load and may be out of date.'
              : `Only the first ${countRecordings(snapshot.records.length)} are shown.`}{' '}
            <button type="button" className="button button--link" onClick={() => result.refetch()}>
              Try again
            </button>
          </p>
        ) : null}

        {snapshot && snapshot.unreadable.length > 0 ? <UnreadableNotice unreadable={snapshot.unreadable} /> : null}

        {waiting ? <LoadingState snapshot={snapshot} paused={false} /> : null}

        {snapshot?.complete && snapshot.records.length === 0 ? (
          <section className="panel panel--empty">
            <h2>No recordings yet</h2>
            <p>{emptyMessage}</p>
          </section>
        ) : indexes.length === 0 && shownFiltered && !waiting ? (
          <section className="panel panel--empty">
            <h2>No recordings match these filters</h2>
            <p>Try other filters, or clear them to see all {countRecordings(records.length)}.</p>
            <button type="button" className="button button--primary" onClick={clearFilters}>
              Clear filters
            </button>
          </section>
        ) : view === 'grid' ? (
          <RecordingsGrid records={shownRecords} indexes={indexes} label={label} busy={pending} />
        ) : (
          <RecordingsTable
            records={shownRecords}
            indexes={indexes}
            sort={orderComing ? defaultSort : sort}
            onSortChange={setSort}
            visibility={visibility}
            label={label}
            busy={pending}
          />
        )}
      </div>
    </AttentionContext>
  );
}

/** Progress while the list arrives; offline (the query is paused), it says what it waits for. */
function LoadingState({ snapshot, paused }: { snapshot: RecordingsSnapshot | undefined; paused: boolean }) {
  const bytes = snapshot?.bytes ?? 0;
  const total = snapshot?.totalBytes ?? null;
  const count = snapshot?.records.length ?? 0;
  if (paused) {
    return (
      <section className="panel panel--loading">
        <h2>Waiting for the connection</h2>
        <p>The recordings load as soon as this browser is back online.</p>
      </section>
    );
  }
  return (
    <section className="panel panel--loading" aria-busy="true">
      <h2>Loading recordings…</h2>
      {total ? <progress max={total} value={bytes} aria-label="Download progress" /> : <progress aria-label="Download progress" />}
      <p role="status" aria-live="polite">
        {bytes > 0
          ? `${countRecordings(count)} and ${formatBytes(bytes)} received${total ? ` of ${formatBytes(total)}` : ''}`
          : 'Asking the recordings API…'}
      </p>
    </section>
  );
}

function RefreshControl({
  updatedAt,
  fetching,
  complete,
  onRefresh,
}: {
  updatedAt: number;
  fetching: boolean;
  complete: boolean;
  onRefresh: () => void;
}) {
  return (
    <div className="refresh">
      {complete && updatedAt > 0 ? (
        <span className="muted">
          Updated <RelativeTime epochMs={updatedAt} />
        </span>
      ) : null}
      <button type="button" className="button" onClick={onRefresh} disabled={fetching}>
        {fetching ? 'Refreshing…' : 'Refresh'}
      </button>
    </div>
  );
}
