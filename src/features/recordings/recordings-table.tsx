import {
  columnVisibilityFeature,
  createColumnHelper,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useMemo, useRef, type MouseEvent } from 'react';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { describeDuration, describeMode, formatDateTime, formatDateTimeExact, formatDuration } from './format';
import type { Recording } from './recording';
import { RecordingThumbnail } from './recording-thumbnail';
import type { SortColumn, SortState } from './recordings-view';
import { StatusBadge } from './status-badge';
import { recordingPath, roomPath } from './recording-links';

/**
 * The recordings table. TanStack Table owns columns, headers and sort state; the rows themselves
 * are filtered and ordered by recordings-view.ts and only the visible window is rendered
 * (TanStack Virtual), so the table stays fast with 100,000 rows.
 */

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, Recording>();

const ROW_HEIGHT = 56;

const columns = helper.columns([
  helper.display({
    id: 'thumbnail',
    header: 'Preview',
    enableSorting: false,
    cell: ({ row }) => (
      <RecordingThumbnail
        src={row.original.thumbnailSmallUrl ?? row.original.thumbnailUrl}
        alt={`Preview of the ${row.original.roomId || 'unnamed room'} recording`}
      />
    ),
  }),
  helper.accessor('createdAt', {
    id: 'created',
    header: 'Created',
    sortDescFirst: true,
    cell: ({ row }) => <CreatedCell recording={row.original} />,
  }),
  helper.accessor('roomId', {
    id: 'room',
    header: 'Room',
    cell: ({ row }) =>
      row.original.roomId ? (
        <Link className="cell-link" to={roomPath(row.original.roomId)} title={row.original.classId}>
          {row.original.roomId}
        </Link>
      ) : (
        <span className="muted">—</span>
      ),
  }),
  helper.accessor('clientId', {
    id: 'client',
    header: 'Client',
    cell: ({ getValue }) => getValue() || <span className="muted">—</span>,
  }),
  helper.accessor('durationSeconds', {
    id: 'duration',
    header: 'Duration',
    sortDescFirst: true,
    cell: ({ getValue }) => (
      <span className="num" aria-label={describeDuration(getValue())}>
        {formatDuration(getValue())}
      </span>
    ),
  }),
  helper.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  helper.accessor('mode', {
    id: 'mode',
    header: 'Mode',
    cell: ({ getValue }) => describeMode(getValue()),
  }),
]);

function CreatedCell({ recording }: { recording: Recording }) {
  const location = useLocation();
  return (
    <Link
      className="cell-link cell-link--primary"
      to={recordingPath(recording)}
      state={{ from: `${location.pathname}${location.search}` }}
      title={formatDateTimeExact(recording.createdAt)}
    >
      {formatDateTime(recording.createdAt)}
    </Link>
  );
}

export function RecordingsTable({
  records,
  indexes,
  sort,
  onSortChange,
  label,
}: {
  records: readonly Recording[];
  indexes: Uint32Array;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  label: string;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const location = useLocation();

  const virtualizer = useVirtualizer({
    count: indexes.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    // Rows show before the first measurement (and where nothing is measured, as in jsdom).
    initialRect: { width: 1200, height: 800 },
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.length > 0 ? items[items.length - 1]!.index : -1;

  // Only the rows on screen become table rows.
  const windowRows = useMemo(() => {
    const rows: Recording[] = [];
    for (let i = first; i <= last; i += 1) rows.push(records[indexes[i]!]!);
    return rows;
  }, [records, indexes, first, last]);

  const sorting = useMemo<SortingState>(() => [{ id: sort.column, desc: sort.direction === 'desc' }], [sort]);
  const onSortingChange = useCallback(
    (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const head = next[0];
      if (head) onSortChange({ column: head.id as SortColumn, direction: head.desc ? 'desc' : 'asc' });
    },
    [sorting, onSortChange],
  );

  const table = useTable({
    features,
    columns,
    data: windowRows,
    getRowId: (_row, index) => String(first + index),
    state: { sorting },
    onSortingChange,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const openRow = (event: MouseEvent<HTMLTableRowElement>, recording: Recording) => {
    // Links and buttons inside the row do their own thing; a click elsewhere opens the recording.
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    if (window.getSelection()?.toString()) return;
    navigate(recordingPath(recording), { state: { from: `${location.pathname}${location.search}` } });
  };

  const rows = table.getRowModel().rows;

  return (
    <div ref={scrollRef} className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      <table className="recordings-table" aria-rowcount={indexes.length + 1}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : header.column.getCanSort() ? 'none' : undefined;
                return (
                  <th key={header.id} scope="col" className={`col col--${header.id}`} aria-sort={ariaSort}>
                    {header.column.getCanSort() ? (
                      <button type="button" className="sort-button" onClick={header.column.getToggleSortingHandler()}>
                        <table.FlexRender header={header} />
                        <span className="sort-icon" aria-hidden="true">
                          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                        </span>
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rows[item.index - first];
            if (!row) return null;
            return (
              <tr
                key={item.key}
                aria-rowindex={item.index + 2}
                className="recordings-row"
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={(event) => openRow(event, row.original)}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`col col--${cell.column.id}`}>
                    <table.FlexRender cell={cell} />
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
