import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useId, useMemo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ErrorPanel } from '../../components/error-panel';
import { RelativeTime } from '../../components/relative-time';
import { countRecordings, formatBytes, formatCount, formatDateTime, formatDateTimeExact, formatHours } from '../recordings/format';
import type { Recording } from '../recordings/recording';
import { roomPath } from '../recordings/recording-links';
import { ATTENTION_CHOICES } from '../recordings/recording-filters';
import type { RecordingsListQuery, RecordingsSnapshot } from '../recordings/recordings-queries';
import { RoomActivityChart } from './room-activity-chart';
import { noRoomPath, roomAttentionPath } from './room-links';
import { summarizeRooms, unprocessedShare, type RoomSummary } from './room-stats';
import { describeAttentionHours, firstDirection, visibleRooms, type RoomSort, type RoomSortColumn } from './rooms-view';
import { ACTIVITY_RANGES, useRoomsViewState } from './use-rooms-view-state';
import './rooms.css';

const NO_RECORDS: Recording[] = [];
/** More rows than this make the chart slow and unreadable; the search narrows it. */
const MAX_CHART_ROOMS = 100;

/**
 * Every room of the account, derived from its whole list of recordings: a sortable, searchable
 * table of figures per room, then the room-by-day activity chart. All view state is in the URL.
 */
export function RoomsOverview({ query }: { query: RecordingsListQuery }) {
  const result = useQuery(query);
  const { search, sort, attentionHours, days, update } = useRoomsViewState();
  const snapshot: RecordingsSnapshot | undefined = result.data;
  const records = snapshot?.records ?? NO_RECORDS;

  // One pass over the list (about 10 ms for 100,000 recordings, bench/rooms-performance.ts); a
  // new threshold is computed in the background while the current figures stay on screen.
  // "Now" is when the list was last updated: the figures and the chart's today are as of then.
  const deferredHours = useDeferredValue(attentionHours);
  const asOf = result.dataUpdatedAt;
  const summary = useMemo(
    () => summarizeRooms(records, { now: asOf, attentionHours: deferredHours }),
    [records, asOf, deferredHours],
  );
  const deferredSearch = useDeferredValue(search);
  const rooms = useMemo(() => visibleRooms(summary.rooms, deferredSearch, sort), [summary, deferredSearch, sort]);
  const chartRooms = useMemo(() => rooms.slice(0, MAX_CHART_ROOMS), [rooms]);
  // A wider range re-renders thousands of cells: the range buttons answer at once, the chart follows.
  const deferredDays = useDeferredValue(days);

  if (!snapshot || (snapshot.records.length === 0 && !snapshot.complete)) {
    if (result.isError) {
      return (
        <ErrorPanel
          title="The rooms could not be loaded"
          error={result.error}
          action={
            <button type="button" className="button button--primary" onClick={() => result.refetch()}>
              Try again
            </button>
          }
        />
      );
    }
    return <LoadingPanel snapshot={snapshot} />;
  }

  if (snapshot.complete && snapshot.records.length === 0) {
    return (
      <section className="panel panel--empty">
        <h2>No rooms yet</h2>
        <p>This account has no recordings yet, so there are no rooms to show. Rooms appear here after their first recording.</p>
      </section>
    );
  }

  const total = summary.total;
  const filtered = deferredSearch.trim() !== '';
  const loading = !snapshot.complete;
  const hoursLabel = describeAttentionHours(attentionHours);

  return (
    <div className="rooms">
      <div className="rooms-toolbar">
        <div className="rooms-toolbar__field">
          <label htmlFor="rooms-search">Find a room</label>
          <input
            id="rooms-search"
            type="search"
            value={search}
            placeholder="Room name"
            autoComplete="off"
            onChange={(event) => update({ search: event.target.value }, { replace: true })}
          />
        </div>
        <AttentionThreshold hours={attentionHours} onChange={(hours) => update({ attentionHours: hours })} />
      </div>

      <p className="summary rooms-summary" role="status" aria-live="polite" aria-atomic="true">
        {filtered ? `${formatCount(rooms.length)} of ${countRooms(summary.rooms.length)}` : countRooms(summary.rooms.length)}
        {' · '}
        {countRecordings(total.recordings)} · {formatHours(total.totalSeconds)} in total
        {' · '}
        {formatCount(total.needingAttention)} need{total.needingAttention === 1 ? 's' : ''} attention
        {loading ? ` · loading, ${formatBytes(snapshot.bytes)} so far` : ''}
      </p>

      {result.isError ? (
        <p className="notice notice--warning" role="alert">
          {snapshot.complete ? 'Could not refresh: ' : 'The list stopped loading part-way: '}
          {result.error.message}{' '}
          {snapshot.complete
            ? 'The figures below are from the last successful load and may be out of date.'
            : `The figures below count only the first ${countRecordings(snapshot.records.length)}.`}{' '}
          <button type="button" className="button button--link" onClick={() => result.refetch()}>
            Try again
          </button>
        </p>
      ) : null}

      <RoomsSection title="Rooms">
        {rooms.length === 0 ? (
          <div className="panel panel--empty">
            <p>No room matches “{deferredSearch}”.</p>
            <button type="button" className="button" onClick={() => update({ search: '' })}>
              Clear the search
            </button>
          </div>
        ) : (
          <RoomsTable rooms={rooms} sort={sort} hours={attentionHours} onSort={(next) => update({ sort: next })} />
        )}
        <p className="muted rooms-footnote">
          <strong>Not yet processed</strong>: neither Processed nor Sent. <strong>Needs attention</strong>: still not processed{' '}
          {hoursLabel} after it was recorded.
        </p>
      </RoomsSection>

      <RoomsSection
        title="Activity by day"
        actions={
          <div className="view-switch" role="group" aria-label="Days shown">
            {ACTIVITY_RANGES.map((range) => (
              <button
                key={range}
                type="button"
                className="button button--small"
                aria-pressed={days === range}
                onClick={() => update({ days: range })}
              >
                {range} days
              </button>
            ))}
          </div>
        }
      >
        {chartRooms.length === 0 ? (
          <p className="muted">No room to chart.</p>
        ) : (
          <>
            {rooms.length > chartRooms.length ? (
              <p className="notice notice--info">
                The chart shows the first {formatCount(chartRooms.length)} of {countRooms(rooms.length)} in the table’s order; find a room
                to narrow it.
              </p>
            ) : null}
            <RoomActivityChart rooms={chartRooms} window={summary.window} days={deferredDays} />
          </>
        )}
      </RoomsSection>
    </div>
  );
}

function countRooms(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'room' : 'rooms'}`;
}

function RoomsSection({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  const id = useId();
  return (
    <section className="rooms-section" aria-labelledby={id}>
      <div className="rooms-section__header">
        <h2 id={id}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}

function AttentionThreshold({ hours, onChange }: { hours: number; onChange: (hours: number) => void }) {
  const choices = ATTENTION_CHOICES.includes(hours) ? ATTENTION_CHOICES : [...ATTENTION_CHOICES, hours].sort((a, b) => a - b);
  return (
    <div className="rooms-toolbar__field">
      <label htmlFor="rooms-attention">Needs attention when not processed after</label>
      <select id="rooms-attention" value={hours} onChange={(event) => onChange(Number(event.target.value))}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {describeAttentionHours(choice)}
          </option>
        ))}
      </select>
    </div>
  );
}

const COLUMNS: { column: RoomSortColumn; label: string; numeric?: boolean }[] = [
  { column: 'room', label: 'Room' },
  { column: 'recordings', label: 'Recordings', numeric: true },
  { column: 'hours', label: 'Hours', numeric: true },
  { column: 'last', label: 'Last recording' },
  { column: 'unprocessed', label: 'Not yet processed', numeric: true },
  { column: 'attention', label: 'Needs attention', numeric: true },
];

function RoomsTable({
  rooms,
  sort,
  hours,
  onSort,
}: {
  rooms: readonly RoomSummary[];
  sort: RoomSort;
  hours: number;
  onSort: (sort: RoomSort) => void;
}) {
  const sortedBy = COLUMNS.find((column) => column.column === sort.column)!.label;
  return (
    <div className="rooms-table-wrap">
      <table className="rooms-table">
        <caption className="visually-hidden">
          Rooms, sorted by {sortedBy.toLowerCase()}, {sort.direction === 'asc' ? 'ascending' : 'descending'}
        </caption>
        <thead>
          <tr>
            {COLUMNS.map(({ column, label, numeric }) => {
              const active = sort.column === column;
              return (
                <th
                  key={column}
                  scope="col"
                  className={numeric ? 'num' : undefined}
                  aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                >
                  <button
                    type="button"
                    className="sort-button"
                    onClick={() =>
                      onSort({
                        column,
                        direction: active ? (sort.direction === 'asc' ? 'desc' : 'asc') : firstDirection(column),
                      })
                    }
                  >
                    {label}
                    <span className="sort-icon" aria-hidden="true">
                      {active ? (sort.direction === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rooms.map((room) => (
            <RoomRow key={room.roomId} room={room} hours={hours} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 });

function RoomRow({ room, hours }: { room: RoomSummary; hours: number }) {
  const share = unprocessedShare(room);
  const name = room.roomId === '' ? 'recordings without a room' : `room ${room.roomId}`;
  return (
    <tr>
      <th scope="row" className="rooms-table__room">
        {room.roomId === '' ? (
          <Link to={noRoomPath()}>
            <em>No room</em>
          </Link>
        ) : (
          <Link to={roomPath(room.roomId)} className="room-name">
            {room.roomId}
          </Link>
        )}
      </th>
      <td className="num">{formatCount(room.recordings)}</td>
      <td className="num">{formatHours(room.totalSeconds)}</td>
      <td className="rooms-table__last">
        {room.lastCreatedAt === null ? (
          '—'
        ) : (
          <span title={formatDateTimeExact(room.lastCreatedAt)}>
            {formatDateTime(room.lastCreatedAt)} <span className="muted">(<RelativeTime epochMs={room.lastCreatedAt} />)</span>
          </span>
        )}
      </td>
      <td className="num">
        <span className="share">
          <span className="share__bar" aria-hidden="true">
            <span style={{ width: `${Math.round(share * 100)}%` }} />
          </span>
          {percent.format(share)} <span className="muted">({formatCount(room.unprocessed)})</span>
        </span>
      </td>
      <td className="num">
        {room.needingAttention === 0 ? (
          <span className="muted">0</span>
        ) : (
          <Link
            className="rooms-table__attention"
            to={room.roomId === '' ? noRoomPath({ attention: '1', after: String(hours) }) : roomAttentionPath(room.roomId, hours)}
            aria-label={`${countRecordings(room.needingAttention)} in ${name} need${room.needingAttention === 1 ? 's' : ''} attention`}
          >
            <span aria-hidden="true">⚠ </span>
            {formatCount(room.needingAttention)}
          </Link>
        )}
      </td>
    </tr>
  );
}

function LoadingPanel({ snapshot }: { snapshot: RecordingsSnapshot | undefined }) {
  const bytes = snapshot?.bytes ?? 0;
  const total = snapshot?.totalBytes ?? null;
  return (
    <section className="panel panel--loading" aria-busy="true">
      <h2>Loading the rooms…</h2>
      {total ? <progress max={total} value={bytes} aria-label="Download progress" /> : <progress aria-label="Download progress" />}
      <p role="status" aria-live="polite">
        {bytes > 0 ? `${formatBytes(bytes)} received${total ? ` of ${formatBytes(total)}` : ''}` : 'Asking the recordings API…'}
      </p>
    </section>
  );
}
