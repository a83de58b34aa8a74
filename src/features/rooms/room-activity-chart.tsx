import { memo, useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { inAppLinkClick } from '../../components/in-app-link';
import { roomPath } from '../recordings/recording-links';
import { localDayKey, localMidnight, type DayWindow, type RoomSummary } from './room-stats';
import { noRoomPath, roomDayPath } from './room-links';

/**
 * Rooms down, days across: how many recordings each room made each day, and how many minutes.
 * It IS a table (caption, column and row headers), styled as a heat map, so the text alternative
 * is the chart itself. Never colour alone: every cell holds its numbers, an empty weekday after
 * the room's first recording is hatched and marked "no recordings", weekends are set apart.
 *
 * The whole chart is one Tab stop: arrow keys, Home/End and Page Up/Down move between cells
 * (roving tabindex, managed in the DOM so that a key press does not re-render 4,500 cells).
 *
 * 50 rooms × 90 days is 4,500 cells: each is a plain `<a href>` named by `aria-label`, and ONE
 * click handler on the table routes them in the app (a router `<Link>` per cell costs several
 * hooks each). Modified clicks (new tab, new window) are left to the browser.
 */

/** Rows of the chart drawn per frame while it fills in. */
const ROWS_PER_FRAME = 5;

const weekdayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });
const weekdayShort = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const weekdayNarrow = new Intl.DateTimeFormat(undefined, { weekday: 'narrow' });
const monthShort = new Intl.DateTimeFormat(undefined, { month: 'short' });
const dayAndMonth = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/** Minutes per day that start each shade: under 1 h, 1–3 h, 3–5 h, 5 h or more. */
export const ACTIVITY_LEVELS = [
  { from: 0, label: 'under 1 h' },
  { from: 60, label: '1–3 h' },
  { from: 180, label: '3–5 h' },
  { from: 300, label: '5 h or more' },
] as const;

function level(minutes: number): number {
  let found = 0;
  ACTIVITY_LEVELS.forEach((step, index) => {
    if (minutes >= step.from) found = index;
  });
  return found + 1;
}

/** "95m", "16h": what fits in a narrow cell; the full words are in the cell's accessible text. */
function shortMinutes(minutes: number): string {
  return minutes < 1000 ? `${minutes}m` : `${Math.round(minutes / 60)}h`;
}

interface Day {
  start: number;
  key: string;
  label: string;
  weekend: boolean;
  past: boolean;
  index: number;
}

function daysOf(window: DayWindow, count: number): Day[] {
  const offset = window.starts.length - count;
  const last = window.starts.length - 1;
  return window.starts.slice(offset).map((start, i) => {
    const weekday = new Date(start).getDay();
    return {
      start,
      key: localDayKey(start),
      label: weekdayLong.format(start),
      weekend: weekday === 0 || weekday === 6,
      past: offset + i < last,
      index: offset + i,
    };
  });
}

export interface RoomActivityChartProps {
  rooms: readonly RoomSummary[];
  window: DayWindow;
  /** How many of the window's last days to show. */
  days: number;
}

export const RoomActivityChart = memo(function RoomActivityChart({ rooms, window, days }: RoomActivityChartProps) {
  const legendId = useId();
  const tableRef = useRef<HTMLTableElement>(null);
  const navigate = useNavigate();
  const active = useRef({ row: 0, col: 0 });
  const columns = useMemo(() => daysOf(window, days), [window, days]);
  const dense = days > 14;

  // 50 rooms × 90 days is 4,550 cells: drawn at once, that was one 380 ms task (committing and
  // laying out ~18,000 elements; bench/rooms-performance.ts). Rows are drawn a few per frame
  // instead, top first, so the page never freezes while the chart fills in.
  const [drawn, setDrawn] = useState({ rooms, columns, count: ROWS_PER_FRAME });
  let drawnCount = drawn.count;
  if (drawn.rooms !== rooms || drawn.columns !== columns) {
    // Other days redraw every row, so they start again from the top; new figures for the same
    // days (a list still loading, a search) keep the rows already drawn, without flicker.
    if (drawn.columns !== columns) drawnCount = ROWS_PER_FRAME;
    setDrawn({ rooms, columns, count: drawnCount });
  }
  const complete = drawnCount >= rooms.length;
  useEffect(() => {
    if (complete) return;
    const frame = requestAnimationFrame(() => setDrawn((current) => ({ ...current, count: current.count + ROWS_PER_FRAME })));
    return () => cancelAnimationFrame(frame);
  }, [complete, drawnCount]);

  // After every render, exactly one cell is in the Tab order: the last one used, or the first.
  useLayoutEffect(() => {
    const table = tableRef.current;
    if (!table) return;
    for (const element of table.querySelectorAll<HTMLElement>('[data-cell][tabindex="0"]')) element.tabIndex = -1;
    const { row, col } = active.current;
    const target = cellAt(table, Math.min(row, rooms.length - 1), Math.min(col, days)) ?? cellAt(table, 0, 0);
    if (target) target.tabIndex = 0;
  });

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLTableElement>) => {
      const table = tableRef.current;
      const from = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
      if (!table || !from) return;
      const [row, col] = from.dataset.cell!.split(':').map(Number) as [number, number];
      const lastRow = rooms.length - 1;
      const moves: Record<string, [number, number]> = {
        ArrowRight: [row, Math.min(days, col + 1)],
        ArrowLeft: [row, Math.max(0, col - 1)],
        ArrowDown: [Math.min(lastRow, row + 1), col],
        ArrowUp: [Math.max(0, row - 1), col],
        Home: event.ctrlKey ? [0, 0] : [row, 0],
        End: event.ctrlKey ? [lastRow, days] : [row, days],
        PageDown: [Math.min(lastRow, row + 10), col],
        PageUp: [Math.max(0, row - 10), col],
      };
      const next = moves[event.key];
      if (!next) return;
      event.preventDefault();
      const target = cellAt(table, next[0], next[1]);
      if (!target) return;
      from.tabIndex = -1;
      target.tabIndex = 0;
      active.current = { row: next[0], col: next[1] };
      target.focus();
    },
    [rooms.length, days],
  );

  const onClick = useCallback(
    (event: MouseEvent<HTMLTableElement>) => {
      const click = inAppLinkClick(event);
      if (!click) return;
      event.preventDefault();
      navigate(click.to);
    },
    [navigate],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLTableElement>) => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-cell]');
    if (!cell || cell.tabIndex === 0) return;
    for (const element of event.currentTarget.querySelectorAll<HTMLElement>('[data-cell][tabindex="0"]')) element.tabIndex = -1;
    cell.tabIndex = 0;
    const [row, col] = cell.dataset.cell!.split(':').map(Number) as [number, number];
    active.current = { row, col };
  }, []);

  const first = columns[0]!;
  const last = columns.at(-1)!;

  return (
    <div className="activity">
      <ActivityLegend id={legendId} />
      <div className="activity__scroll" role="region" aria-label="Activity chart, scrolls sideways" tabIndex={-1}>
        <table
          ref={tableRef}
          className={`activity__table${dense ? ' activity__table--dense' : ''}`}
          aria-describedby={legendId}
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onClick={onClick}
          aria-busy={complete ? undefined : true}
        >
          <caption>
            Recordings per room and day, {dayAndMonth.format(first.start)} to {dayAndMonth.format(last.start)}
          </caption>
          <thead>
            <tr>
              <th scope="col" className="activity__corner">
                Room
              </th>
              {columns.map((day, i) => {
                const date = new Date(day.start);
                const showMonth = i === 0 || date.getDate() === 1;
                return (
                  <th
                    key={day.key}
                    scope="col"
                    className={`activity__day${day.weekend ? ' activity__day--weekend' : ''}${day.past ? '' : ' activity__day--today'}`}
                  >
                    <span aria-hidden="true" className="activity__month">
                      {showMonth ? monthShort.format(date) : ''}
                    </span>
                    <span aria-hidden="true">{(dense ? weekdayNarrow : weekdayShort).format(date)}</span>
                    <span aria-hidden="true" className="activity__date">
                      {date.getDate()}
                    </span>
                    <span className="visually-hidden">{day.past ? day.label : `${day.label} (today)`}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rooms.slice(0, drawnCount).map((room, row) => (
              <ActivityRow key={room.roomId} room={room} row={row} columns={columns} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="activity__hint muted">
        In the chart, the arrow keys move between days and rooms; Enter opens that day’s recordings.
      </p>
    </div>
  );
});

function cellAt(table: HTMLElement, row: number, col: number): HTMLElement | null {
  return table.querySelector<HTMLElement>(`[data-cell="${row}:${col}"]`);
}

const ActivityRow = memo(function ActivityRow({ room, row, columns }: { room: RoomSummary; row: number; columns: Day[] }) {
  const firstDay = room.firstCreatedAt === null ? Infinity : localMidnight(room.firstCreatedAt);
  const name = room.roomId === '' ? 'No room' : room.roomId;
  return (
    <tr>
      <th scope="row" className="activity__room">
        <a href={room.roomId === '' ? noRoomPath() : roomPath(room.roomId)} data-cell={`${row}:0`} tabIndex={-1} title={name}>
          {room.roomId === '' ? <em>No room</em> : room.roomId}
        </a>
      </th>
      {columns.map((day, i) => {
        const count = room.dayCounts[day.index]!;
        const cell = `${row}:${i + 1}`;
        if (count > 0) {
          const minutes = Math.round(room.daySeconds[day.index]! / 60);
          return (
            <td key={day.key} className={`activity__cell activity__cell--l${level(minutes)}`}>
              <a
                href={room.roomId === '' ? noRoomPath({ created: 'custom', from: day.key, to: day.key }) : roomDayPath(room.roomId, day.key)}
                data-cell={cell}
                tabIndex={-1}
                aria-label={`${count} ${count === 1 ? 'recording' : 'recordings'}, ${minutes} minutes`}
                title={`${name} · ${day.label}: ${count} ${count === 1 ? 'recording' : 'recordings'}, ${minutes} min`}
              >
                <span className="activity__count">{count}</span>
                <span className="activity__minutes">{shortMinutes(minutes)}</span>
              </a>
            </td>
          );
        }
        const gap = day.past && !day.weekend && day.start >= firstDay;
        return (
          <td
            key={day.key}
            className={`activity__cell activity__cell--${gap ? 'gap' : 'none'}${day.weekend ? ' activity__cell--weekend' : ''}`}
            data-cell={cell}
            tabIndex={-1}
          >
            <span aria-hidden="true">{gap ? '✕' : ''}</span>
            <span className="visually-hidden">{gap ? 'No recordings (gap)' : 'No recordings'}</span>
          </td>
        );
      })}
    </tr>
  );
});

function ActivityLegend({ id }: { id: string }) {
  return (
    <div className="activity__legend" id={id}>
      <span>Each cell: recordings, then minutes (“95m”). Shade by minutes:</span>
      <ul className="activity__levels">
        {ACTIVITY_LEVELS.map((step, index) => (
          <li key={step.from}>
            <span className={`activity__swatch activity__cell--l${index + 1}`} aria-hidden="true" />
            {step.label}
          </li>
        ))}
        <li>
          <span className="activity__swatch activity__cell--gap" aria-hidden="true">
            ✕
          </span>
          weekday with no recordings (gap)
        </li>
        <li>
          <span className="activity__swatch activity__swatch--weekend" aria-hidden="true" />
          weekend
        </li>
        <li>
          <span className="activity__swatch activity__cell--none" aria-hidden="true" />
          none yet (before the room’s first recording, or today)
        </li>
      </ul>
    </div>
  );
}
