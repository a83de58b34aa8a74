// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { rawRecord } from '../harness/fixtures';
import { installMsw, server } from '../harness/msw';
import { renderApp, signedInAs, videosAnswer } from '../harness/render-app';

installMsw();

/**
 * "Now" is Wednesday 11 March 2026, 15:00 local time (only `Date` is faked: timers stay real).
 * The known answers, per room (needs attention after 24 h):
 *   Lab 2       4 recordings, 1 h + 20 min + 30 min + 30 min = 2.3 h (5.3 h in all); QUEUED 2 days and FAILED
 *               5 days old: 2 not processed (50 %), both need attention; 2 recordings on Tue 10.
 *   Lab 10      2 recordings, 1 h + 1.5 h = 2.5 h, all processed; nothing on Fri 6 or Mon 9,
 *               weekdays after its first recording (Thu 5): two gaps.
 *   Salle 12 é  1 recording, 30 min, PROCESSING for 1 h: 1 not processed (100 %), none late.
 */
const NOW = new Date(2026, 2, 11, 15, 0);
const at = (day: number, hour: number) => new Date(2026, 2, day, hour, 0).getTime() / 1000;

const RECORDS = [
  rawRecord({ _id: 'a', class_id: 'school::Lab 2', c: at(10, 12), duration: 3600, status: 'SENT' }),
  rawRecord({ _id: 'd', class_id: 'school::Lab 2', c: at(10, 13), duration: 1200, status: 'SENT' }),
  rawRecord({ _id: 'b', class_id: 'school::Lab 2', c: at(9, 12), duration: 1800, status: 'QUEUED' }),
  rawRecord({ _id: 'c', class_id: 'school::Lab 2', c: at(6, 12), duration: 1800, status: 'FAILED' }),
  rawRecord({ _id: 'e', class_id: 'school::Lab 10', c: at(5, 9), duration: 3600, status: 'PROCESSED' }),
  rawRecord({ _id: 'f', class_id: 'school::Lab 10', c: at(10, 9), duration: 5400, status: 'PROCESSED' }),
  rawRecord({ _id: 'g', class_id: 'school::Salle 12 é', c: at(11, 14), duration: 1800, status: 'PROCESSING' }),
];

/** Answers like the API: the whole account, or only the records of the asked `room_id`. */
function answerLikeTheApi() {
  server.use(
    http.post('*/api/videos', async ({ request }) => {
      const body = (await request.json()) as { room_id?: string };
      const records = body.room_id === undefined ? RECORDS : RECORDS.filter((r) => r.class_id === `school::${body.room_id}`);
      return videosAnswer(JSON.stringify({ status: true, obj: records }), { chunkSize: 256 });
    }),
  );
}

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  signedInAs('school');
  answerLikeTheApi();
});
afterEach(() => vi.useRealTimers());

/** The rooms table as text: one array of cell texts per room, in the order shown. */
function roomsTable(): string[][] {
  const table = screen.getByRole('table', { name: /^Rooms, sorted by/ });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.children].map((cell) => (cell.textContent ?? '').replace(/\s+/g, ' ').trim()));
}

function chart(): HTMLElement {
  return screen.getByRole('table', { name: /^Recordings per room and day/ });
}

/** The chart's cell for a room on a day, found like a person would: by the row and the column header. */
function chartCell(roomId: string, day: string): HTMLElement {
  const table = chart();
  const headers = within(table).getAllByRole('columnheader');
  const column = headers.findIndex((header) => header.textContent?.includes(day));
  if (column === -1) throw new Error(`no column for ${day}`);
  const row = within(table)
    .getAllByRole('row')
    .find((candidate) => within(candidate).queryByRole('rowheader')?.textContent === roomId);
  if (!row) throw new Error(`no row for ${roomId}`);
  return row.children[column] as HTMLElement;
}

describe('the rooms overview', () => {
  it('lists every room with its figures, and how many need attention', async () => {
    renderApp('/rooms');
    await screen.findByRole('heading', { level: 2, name: 'Activity by day' });
    expect(screen.getByText(/^3 rooms · 7 recordings · 5.3 h in total · 2 need attention/)).toBeInTheDocument();
    expect(roomsTable()).toEqual([
      // Room, recordings, hours, last recording (relative time aside), not yet processed, needs attention
      ['Lab 2', '4', '2.3 h', expect.stringMatching(/^Mar 10, 2026, 1:00 PM/), '50% (2)', '⚠ 2'],
      ['Lab 10', '2', '2.5 h', expect.stringMatching(/^Mar 10, 2026, 9:00 AM/), '0% (0)', '0'],
      ['Salle 12 é', '1', '0.5 h', expect.stringMatching(/^Mar 11, 2026, 2:00 PM/), '100% (1)', '0'],
    ]);
  });

  it('sorts by a figure and finds a room by part of its name, accents and case aside', async () => {
    const { user } = renderApp('/rooms');
    await screen.findByRole('heading', { level: 2, name: 'Activity by day' });

    await user.click(screen.getByRole('button', { name: /^Hours/ }));
    expect(roomsTable().map((row) => row[0])).toEqual(['Lab 10', 'Lab 2', 'Salle 12 é']);
    expect(screen.getByRole('columnheader', { name: /^Hours/ })).toHaveAttribute('aria-sort', 'descending');

    await user.type(screen.getByRole('searchbox', { name: 'Find a room' }), 'SALLE 12 E');
    await waitFor(() => expect(roomsTable().map((row) => row[0])).toEqual(['Salle 12 é']));
    expect(screen.getByText(/^1 of 3 rooms/)).toBeInTheDocument();
  });

  it('opens a room’s recordings that need attention from its count', async () => {
    const { user } = renderApp('/rooms');
    await screen.findByRole('heading', { level: 2, name: 'Activity by day' });
    await user.click(screen.getByRole('link', { name: '2 recordings in room Lab 2 need attention' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Room Lab 2' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('button', { name: /^Needs attention/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getAllByRole('row').slice(1).map((row) => within(row).getByText(/Queued|Failed/).textContent)).toEqual(['Queued', 'Failed']);
  });

  it('charts rooms by day in words as well as shades, and a cell opens that day’s recordings', async () => {
    const { user } = renderApp('/rooms');
    await screen.findByRole('heading', { level: 2, name: 'Activity by day' });
    // The default range: two weeks, ending today.
    expect(chart()).toHaveAccessibleName('Recordings per room and day, Feb 26 to Mar 11');
    expect(within(chart()).getAllByRole('columnheader')).toHaveLength(1 + 14);
    expect(within(chart()).getByRole('columnheader', { name: 'Wednesday, March 11 (today)' })).toBeInTheDocument();

    // Every cell says what it holds; a gap is a word and a mark, not only a colour.
    expect(within(chartCell('Lab 2', 'Tuesday, March 10')).getByRole('link')).toHaveAccessibleName('2 recordings, 80 minutes');
    expect(chartCell('Lab 2', 'Tuesday, March 10')).toHaveTextContent('280m');
    expect(chartCell('Lab 10', 'Friday, March 6')).toHaveAccessibleName('No recordings (gap)');
    expect(chartCell('Lab 10', 'Friday, March 6')).toHaveTextContent('✕');
    expect(chartCell('Lab 10', 'Monday, March 9')).toHaveAccessibleName('No recordings (gap)');
    // Weekends, days before a room's first recording and today are not gaps.
    expect(chartCell('Lab 10', 'Saturday, March 7')).toHaveAccessibleName('No recordings');
    expect(chartCell('Lab 10', 'Wednesday, March 4')).toHaveAccessibleName('No recordings');
    expect(chartCell('Lab 2', 'Wednesday, March 11')).toHaveAccessibleName('No recordings');
    expect(screen.getByText('weekday with no recordings (gap)')).toBeInTheDocument();

    // A longer range.
    await user.click(screen.getByRole('button', { name: '90 days' }));
    await waitFor(() => expect(within(chart()).getAllByRole('columnheader')).toHaveLength(1 + 90));
    expect(screen.getByRole('button', { name: '90 days' })).toHaveAttribute('aria-pressed', 'true');

    // Clicking a cell shows exactly that room's recordings of that day.
    await user.click(within(chartCell('Lab 2', 'Tuesday, March 10')).getByRole('link'));
    expect(await screen.findByRole('heading', { level: 1, name: 'Room Lab 2' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.getByRole('combobox', { name: 'Created' })).toHaveDisplayValue(/custom/i);
    expect(screen.getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      expect.stringContaining('Mar 10, 2026, 1:00 PM'),
      expect.stringContaining('Mar 10, 2026, 12:00 PM'),
    ]);
  });

  it('moves through the chart with the arrow keys, one Tab stop for the whole chart', async () => {
    const { user } = renderApp('/rooms');
    await screen.findByRole('heading', { level: 2, name: 'Activity by day' });
    const lab2 = within(chart()).getByRole('link', { name: 'Lab 2' });
    expect(lab2).toHaveAttribute('tabindex', '0');
    expect(chart().querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    lab2.focus();
    await user.keyboard('{End}');
    expect(chartCell('Lab 2', 'Wednesday, March 11')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(within(chartCell('Lab 2', 'Tuesday, March 10')).getByRole('link')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(within(chartCell('Lab 10', 'Tuesday, March 10')).getByRole('link')).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Room Lab 10' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
  });
});
