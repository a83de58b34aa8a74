import { useQuery } from '@tanstack/react-query';
import { useCallback, useDeferredValue, useMemo } from 'react';
import { ErrorPanel } from '../../components/error-panel';
import { RelativeTime } from '../../components/relative-time';
import { countRecordings, formatBytes, formatCount, formatHours } from './format';
import type { RecordingsListQuery, RecordingsSnapshot } from './recordings-queries';
import { RecordingFiltersBar } from './recording-filters';
import { RecordingsTable } from './recordings-table';
import { facetOptions, totalSeconds, visibleIndexes, type RecordingFilters, type SortState } from './recordings-view';
import { hasActiveFilters, useRecordingsViewState } from './use-recordings-view-state';
import { UnreadableNotice } from './unreadable-notice';
import type { Recording } from './recording';

const NO_RECORDS: Recording[] = [];

/**
 * A whole list of recordings: filters, summary, table, and every state in between (loading with
 * progress, empty, no matches, failed, stale). Used for the account and for one room.
 */
export function RecordingsBrowser({ query, emptyMessage, label }: { query: RecordingsListQuery; emptyMessage: string; label: string }) {
  const result = useQuery(query);
  const { filters, sort, update } = useRecordingsViewState();
  const snapshot: RecordingsSnapshot | undefined = result.data;

  // While rows stream in, or a filter changes on a huge list, the old view stays interactive.
  const deferredRecords = useDeferredValue(snapshot?.records);
  const deferredFilters = useDeferredValue(filters);
  const deferredSort = useDeferredValue(sort);
  const records = deferredRecords ?? NO_RECORDS;

  const indexes = useMemo(
    () => visibleIndexes(records, deferredFilters, deferredSort),
    [records, deferredFilters, deferredSort],
  );
  const statusOptions = useMemo(() => facetOptions(records, 'status'), [records]);
  const modeOptions = useMemo(() => facetOptions(records, 'mode'), [records]);
  const hours = useMemo(() => totalSeconds(records, indexes), [records, indexes]);

  const setFilters = useCallback(
    (next: RecordingFilters, options?: { replace?: boolean }) => update((state) => ({ ...state, filters: next }), options),
    [update],
  );
  const setSort = useCallback((next: SortState) => update((state) => ({ ...state, sort: next })), [update]);
  const clearFilters = () => setFilters({ statuses: [], modes: [], search: '' });

  if (!snapshot || (snapshot.records.length === 0 && !snapshot.complete)) {
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
    return <LoadingState snapshot={snapshot} />;
  }

  const loading = !snapshot.complete && result.isFetching;
  const filtered = hasActiveFilters(filters);

  return (
    <div className="browser">
      <RecordingFiltersBar filters={filters} statusOptions={statusOptions} modeOptions={modeOptions} onChange={setFilters} />

      <div className="summary-bar">
        <p className="summary" role="status" aria-live="polite" aria-atomic="true">
          {filtered
            ? `${formatCount(indexes.length)} of ${countRecordings(records.length)}`
            : countRecordings(records.length)}
          {' · '}
          {formatHours(hours)} in total
          {loading ? ` · loading, ${formatBytes(snapshot.bytes)} so far` : ''}
        </p>
        {filtered ? (
          <button type="button" className="button button--quiet" onClick={clearFilters}>
            Clear filters
          </button>
        ) : null}
        <span className="summary-bar__spacer" />
        <RefreshControl updatedAt={result.dataUpdatedAt} fetching={result.isFetching} complete={snapshot.complete} onRefresh={() => result.refetch()} />
      </div>

      {result.isError ? (
        <p className="notice notice--warning" role="alert">
          Could not refresh: {result.error.message} The rows below are from the last successful load and may be out of
          date.{' '}
          <button type="button" className="button button--link" onClick={() => result.refetch()}>
            Try again
          </button>
        </p>
      ) : null}

      {snapshot.unreadable.length > 0 ? <UnreadableNotice unreadable={snapshot.unreadable} /> : null}

      {snapshot.complete && snapshot.records.length === 0 ? (
        <section className="panel panel--empty">
          <h2>No recordings yet</h2>
          <p>{emptyMessage}</p>
        </section>
      ) : indexes.length === 0 ? (
        <section className="panel panel--empty">
          <h2>No recordings match these filters</h2>
          <p>Try other filters, or clear them to see all {formatCount(records.length)} recordings.</p>
          <button type="button" className="button button--primary" onClick={clearFilters}>
            Clear filters
          </button>
        </section>
      ) : (
        <RecordingsTable records={records} indexes={indexes} sort={sort} onSortChange={setSort} label={label} />
      )}
    </div>
  );
}

function LoadingState({ snapshot }: { snapshot: RecordingsSnapshot | undefined }) {
  const bytes = snapshot?.bytes ?? 0;
  const total = snapshot?.totalBytes ?? null;
  return (
    <section className="panel panel--loading" aria-busy="true">
      <h2>Loading recordings…</h2>
      {total ? (
        <progress max={total} value={bytes} aria-label="Download progress" />
      ) : (
        <progress aria-label="Download progress" />
      )}
      <p role="status" aria-live="polite">
        {bytes > 0 ? `${formatBytes(bytes)} received${total ? ` of ${formatBytes(total)}` : ''}` : 'Asking the recordings API…'}
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
