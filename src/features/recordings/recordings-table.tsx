import {
  columnVisibilityFeature,
  createColumnHelper,
  FlexRender,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type Row,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { CopyButton } from '../../components/copy-button';
import { useScrollMemory } from './scroll-memory';
import { inAppLinkClick } from '../../components/in-app-link';
import { describeDuration, describeMode, describeStatus, formatDateTime, formatDateTimeExact, formatDuration } from './format';
import type { Recording } from './recording';
import { recordingPath, roomPath } from './recording-links';
import { RecordingThumbnail } from './recording-thumbnail';
import type { SortColumn, SortState } from './recordings-view';
import { StatusBadge } from './status-badge';
import { AttentionMarker } from './attention';
import type { ColumnVisibility } from './use-column-visibility';

/**
 * The recordings table. TanStack Table owns columns, headers, visibility and sort state; rows are
 * filtered and ordered by recordings-view.ts and only the visible window becomes table rows
 * (TanStack Virtual), so the table stays fast with 100,000 of them.
 */

const features = tableFeatures({ rowSortingFeature, columnVisibilityFeature });
const helper = createColumnHelper<typeof features, Recording>();

const ROW_HEIGHT = 56;

/** Grid track per column: the table is a CSS grid so virtual rows keep their columns aligned. */
const WIDTHS: Record<string, string> = {
  thumbnail: '92px',
  created: 'minmax(170px, 1.2fr)',
  room: 'minmax(130px, 1.2fr)',
  client: 'minmax(110px, 1fr)',
  updated: 'minmax(160px, 1fr)',
  duration: '96px',
  status: 'minmax(150px, 1fr)',
  mode: '100px',
  version: '84px',
  uuid: 'minmax(170px, 1fr)',
  session: 'minmax(170px, 1fr)',
};

function Missing() {
  return (
    <span className="muted" aria-label="not given">
      —
    </span>
  );
}

function Timestamp({ epochMs }: { epochMs: number | null }) {
  if (epochMs === null) return <Missing />;
  return (
    <time dateTime={new Date(epochMs).toISOString()} title={formatDateTimeExact(epochMs)}>
      {formatDateTime(epochMs)}
    </time>
  );
}

function CopyableId({ value, label }: { value: string | null; label: string }) {
  if (!value) return <Missing />;
  return (
    <span className="cell-copy">
      <code title={value}>{value}</code>
      <CopyButton value={value} label={`Copy ${label} ${value}`} />
    </span>
  );
}

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
    enableHiding: false,
    cell: ({ row }) => <CreatedCell recording={row.original} />,
  }),
  helper.accessor('roomId', {
    id: 'room',
    header: 'Room',
    enableHiding: false,
    cell: ({ row }) =>
      row.original.roomId ? (
        <a className="cell-link" href={roomPath(row.original.roomId)} title={row.original.classId}>
          {row.original.roomId}
        </a>
      ) : (
        <Missing />
      ),
  }),
  helper.accessor('clientId', {
    id: 'client',
    header: 'Client',
    cell: ({ getValue }) => getValue() || <Missing />,
  }),
  helper.accessor('updatedAt', {
    id: 'updated',
    header: 'Updated',
    sortDescFirst: true,
    cell: ({ getValue }) => <Timestamp epochMs={getValue()} />,
  }),
  helper.accessor('durationSeconds', {
    id: 'duration',
    header: 'Duration',
    sortDescFirst: true,
    cell: ({ getValue }) =>
      getValue() === null ? (
        <Missing />
      ) : (
        <span className="num" title={describeDuration(getValue())}>
          {formatDuration(getValue())}
        </span>
      ),
  }),
  helper.accessor('status', {
    id: 'status',
    header: 'Status',
    cell: ({ row }) => (
      <span className="status-cell">
        <StatusBadge status={row.original.status} />
        <AttentionMarker recording={row.original} />
      </span>
    ),
  }),
  helper.accessor('mode', {
    id: 'mode',
    header: 'Mode',
    cell: ({ getValue }) => (getValue() ? describeMode(getValue()) : <Missing />),
  }),
  helper.accessor('version', {
    id: 'version',
    header: 'Version',
    cell: ({ getValue }) => getValue() ?? <Missing />,
  }),
  helper.accessor('uuid', {
    id: 'uuid',
    header: 'UUID',
    cell: ({ getValue }) => <CopyableId value={getValue()} label="UUID" />,
  }),
  helper.accessor('sessionId', {
    id: 'session',
    header: 'Session id',
    cell: ({ getValue }) => <CopyableId value={getValue()} label="session id" />,
  }),
]);

/**
 * The row's main link. Links in rows are plain `<a href>`s, routed in the app by the table's one
 * click handler (`openRow`, with components/in-app-link.ts): a router `<Link>` per cell cost hooks and a location subscription
 * in every visible row, so each keystroke in the search box re-rendered them all.
 */
function CreatedCell({ recording }: { recording: Recording }) {
  return (
    <a className="cell-link cell-link--primary" href={recordingPath(recording)} data-opens="recording" title={formatDateTimeExact(recording.createdAt)}>
      {recording.createdAt === null ? 'Unknown date' : formatDateTime(recording.createdAt)}
    </a>
  );
}

/**
 * One row. While scrolling, rows that stay on screen keep their record and only move, so they
 * skip rendering; only rows coming into view are built.
 */
const TableRow = memo(
  function TableRow({
    row,
    index,
    start,
    sketch,
  }: {
    row: Row<typeof features, Recording>;
    index: number;
    start: number;
    columnsKey: string;
    sketch: boolean;
  }) {
    return (
      <tr
        data-index={index}
        aria-rowindex={index + 2}
        className={sketch ? 'recordings-row recordings-row--sketch' : 'recordings-row'}
        style={{ transform: `translateY(${start}px)`, height: ROW_HEIGHT }}
      >
        {row.getVisibleCells().map((cell) => (
          <td key={cell.id} className={`col col--${cell.column.id}`}>
            {sketch ? sketchText(cell.column.id, row.original) : <FlexRender cell={cell} />}
          </td>
        ))}
      </tr>
    );
  },
  (a, b) =>
    a.row.original === b.row.original && a.index === b.index && a.start === b.start && a.columnsKey === b.columnsKey && a.sketch === b.sketch,
);

/**
 * A cell's words alone, for rows that only fly past: while the list scrolls by more than a screen
 * a frame (a dragged scrollbar, End, a fling), every frame brings a whole screen of new rows, and
 * full rows (links, pictures, badges, copy buttons) cost more than a frame. Full rows come back
 * as soon as the scrolling slows down or stops.
 */
function sketchText(column: string, recording: Recording): string {
  switch (column) {
    case 'created':
      return recording.createdAt === null ? 'Unknown date' : formatDateTime(recording.createdAt);
    case 'updated':
      return recording.updatedAt === null ? '—' : formatDateTime(recording.updatedAt);
    case 'room':
      return recording.roomId || '—';
    case 'client':
      return recording.clientId || '—';
    case 'duration':
      return recording.durationSeconds === null ? '—' : formatDuration(recording.durationSeconds);
    case 'status':
      return describeStatus(recording.status).label;
    case 'mode':
      return recording.mode ? describeMode(recording.mode) : '—';
    case 'version':
      return recording.version ?? '—';
    case 'uuid':
      return recording.uuid ?? '—';
    case 'session':
      return recording.sessionId ?? '—';
    default:
      return '';
  }
}

const NAVIGATION_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

export function RecordingsTable({
  records,
  indexes,
  sort,
  onSortChange,
  visibility,
  label,
  busy = false,
}: {
  records: readonly Recording[];
  indexes: Uint32Array;
  sort: SortState;
  onSortChange: (sort: SortState) => void;
  visibility: ColumnVisibility;
  label: string;
  /** A newer view is being worked out; this one is on screen until it is ready. */
  busy?: boolean;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  /** The row that keyboard focus is on its way to (it lands in the next frame, once drawn). */
  const pendingFocus = useRef<number | null>(null);
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
  useScrollMemory(scrollRef, location.key, virtualizer.scrollOffset ?? 0, virtualizer.getTotalSize());
  const items = virtualizer.getVirtualItems();
  // Scrolling by more than a screen since the last render: rows are sketched (see sketchText).
  const offset = virtualizer.scrollOffset ?? 0;
  const [scroll, setScroll] = useState({ offset, fast: false });
  let fast = scroll.fast;
  if (offset !== scroll.offset) {
    fast = virtualizer.isScrolling && Math.abs(offset - scroll.offset) > (virtualizer.scrollRect?.height ?? 600);
    setScroll({ offset, fast });
  }
  const sketch = fast && virtualizer.isScrolling;
  const first = items[0]?.index ?? 0;
  const last = items.length > 0 ? items[items.length - 1]!.index : -1;

  // Only the rows on screen become table rows.
  const windowRows = useMemo(() => {
    const rows: Recording[] = [];
    for (let i = first; i <= last && i < indexes.length; i += 1) rows.push(records[indexes[i]!]!);
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
    state: { sorting, columnVisibility: visibility },
    onSortingChange,
    manualSorting: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
  });

  const template = table
    .getVisibleLeafColumns()
    .map((column) => WIDTHS[column.id] ?? '120px')
    .join(' ');

  /**
   * A click anywhere on a row opens it; a link inside the row is followed in the app (a modified
   * click, for a new tab or window, is left to the browser); buttons do their own thing.
   */
  const openRow = (event: MouseEvent<HTMLTableSectionElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('a[href]')) {
      const click = inAppLinkClick(event);
      if (!click) return;
      event.preventDefault();
      const state = click.link.dataset.opens === 'recording' ? { from: `${location.pathname}${location.search}` } : undefined;
      navigate(click.to, { state });
      return;
    }
    if (target.closest('button, input, label')) return;
    if (window.getSelection()?.toString()) return;
    const index = Number(target.closest<HTMLTableRowElement>('tr[data-index]')?.dataset.index);
    const recording = Number.isInteger(index) ? records[indexes[index]!] : undefined;
    if (recording) navigate(recordingPath(recording), { state: { from: `${location.pathname}${location.search}` } });
  };
  const columnsKey = template;

  /** Arrow keys, Home/End and Page keys move between rows; Enter on a row's link opens it. */
  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!NAVIGATION_KEYS.has(event.key)) return;
    const row = (event.target as HTMLElement).closest<HTMLTableRowElement>('tr[data-index]');
    // Keys pressed faster than frames: count from where focus is going, not where it still is.
    const current = pendingFocus.current ?? (row ? Number(row.dataset.index) : -1);
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 560) / ROW_HEIGHT) - 1);
    const lastIndex = indexes.length - 1;
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current - 1,
      Home: 0,
      End: lastIndex,
      PageDown: current + page,
      PageUp: current - page,
    };
    if (!row && pendingFocus.current === null && event.key !== 'ArrowDown' && event.key !== 'Home' && event.key !== 'End') return;
    const target = Math.min(lastIndex, Math.max(0, targets[event.key]!));
    event.preventDefault();
    virtualizer.scrollToIndex(target, { align: 'auto' });
    focusRow(target, 0);
  };

  const focusRow = (index: number, attempt: number) => {
    pendingFocus.current = index;
    requestAnimationFrame(() => {
      if (pendingFocus.current !== index) return;
      const link = scrollRef.current?.querySelector<HTMLElement>(`tr[data-index="${index}"] .cell-link--primary`);
      if (link) link.focus({ preventScroll: true });
      else if (attempt < 60) return focusRow(index, attempt + 1);
      pendingFocus.current = null;
    });
  };

  const rows = table.getRowModel().rows;

  return (
    <div
      ref={scrollRef}
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label={`${label}. Use the arrow keys to move between rows.`}
      aria-busy={busy || undefined}
      onKeyDown={moveFocus}
    >
      <table className="recordings-table" aria-rowcount={indexes.length + 1} style={{ ['--columns' as string]: template }}>
        <thead>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} aria-rowindex={1}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                const ariaSort = sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : canSort ? 'none' : undefined;
                return (
                  <th key={header.id} scope="col" className={`col col--${header.id}`} aria-sort={ariaSort}>
                    {canSort ? (
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
        <tbody style={{ height: virtualizer.getTotalSize() }} onClick={openRow}>
          {items.map((item) => {
            const row = rows[item.index - first];
            if (!row) return null;
            return <TableRow key={item.key} row={row} index={item.index} start={item.start} columnsKey={columnsKey} sketch={sketch} />;
          })}
        </tbody>
      </table>
    </div>
  );
}
