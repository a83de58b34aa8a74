// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { beforeEach, describe, expect, it } from 'vitest';
import { roomPath } from '../../src/features/recordings/recording-links';
import { RECENT_ROOMS_KEY } from '../../src/features/rooms/recent-rooms';
import { rawRecord } from '../harness/fixtures';
import { installMsw, server } from '../harness/msw';
import { renderApp, signedInAs, videosAnswer } from '../harness/render-app';

installMsw();

beforeEach(() => localStorage.clear());

const HOUR = 3_600_000;

/** Answers /api/videos with these records and notes every request body. */
function answerWith(records: unknown[]) {
  const bodies: unknown[] = [];
  server.use(
    http.post('*/api/videos', async ({ request }) => {
      bodies.push(await request.json());
      return videosAnswer(JSON.stringify({ status: true, obj: records }), { chunkSize: 64 });
    }),
  );
  return bodies;
}

/** Whitespace collapsed, as in an accessible name and in `document.title` (the HTML spec's getter does it). */
function spoken(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function heading() {
  return screen.findByRole('heading', { level: 1 });
}

/** The value shown for a figure of the room's header ("Recordings" → "3"). */
function figure(label: string): string {
  const term = screen.getAllByRole('term').find((element) => element.textContent === label);
  if (!term) throw new Error(`no figure "${label}"`);
  return term.nextElementSibling?.textContent ?? '';
}

describe('a room page', () => {
  it.each([
    ['spaces and an accent', 'Salle 12 é'],
    ['"::" inside', 'north::annex::studio 2'],
    ['slash, percent, hash and question mark', 'a/b 100% #1 ?x=%2F'],
    ['spaces at both ends', '  room 7  '],
    ['unicode beyond the BMP', '教室 🎓'],
    ['a very long id', `room-${'x'.repeat(600)}`],
  ])('shows the exact id and asks the API for exactly that room_id (%s)', async (_, roomId) => {
    signedInAs('school');
    const bodies = answerWith([rawRecord({ _id: 'a', class_id: `school::${roomId}` })]);
    renderApp(roomPath(roomId));

    const h1 = await heading();
    // Read the text itself: accessible names collapse spaces, the id must not lose any.
    expect(h1.querySelector('.room-name')?.textContent).toBe(roomId);
    await waitFor(() => expect(document.title).toBe(spoken(`Room ${roomId} · Recordings`)));
    await waitFor(() => expect(bodies).toHaveLength(1));
    expect(bodies[0]).toEqual({ room_id: roomId });
    // The table says which room it lists, then how to move in it (as the main list does).
    const table = await screen.findByRole('region', { name: spoken(`Recordings in room ${roomId}. Use the arrow keys to move between rows.`) });
    expect(within(table).getAllByRole('row')).toHaveLength(2);
  });

  it('shows the room’s figures, computed from its recordings', async () => {
    signedInAs('school');
    const now = Date.now();
    answerWith([
      rawRecord({ _id: 'a', class_id: 'school::lab', c: (now - 2 * HOUR) / 1000, duration: 3600, status: 'SENT' }),
      rawRecord({ _id: 'b', class_id: 'school::lab', c: (now - 30 * HOUR) / 1000, duration: 1800, status: 'QUEUED' }),
      rawRecord({ _id: 'c', class_id: 'school::lab', c: (now - 3 * HOUR) / 1000, duration: 1800, status: 'PROCESSING' }),
      rawRecord({ _id: 'd', class_id: 'school::lab', c: (now - 50 * HOUR) / 1000, duration: 1800, status: 'PROCESSED' }),
    ]);
    const { user } = renderApp('/rooms/lab');
    await screen.findByRole('heading', { name: 'This room at a glance' });
    expect(figure('Recordings')).toBe('4');
    expect(figure('Recorded')).toBe('2.5 h');
    expect(figure('Not yet processed')).toBe('2');
    expect(screen.getByText('50% of its recordings')).toBeInTheDocument();
    expect(figure('Needs attention')).toBe('⚠ 1');
    // The counts by status are the list's own counters, right below.
    const byStatus = screen.getByRole('group', { name: 'Recordings by status' });
    expect(within(byStatus).getAllByRole('button').map((button) => button.textContent)).toEqual(
      expect.arrayContaining(['1Sent', '1Queued', '1Processing', '1Processed']),
    );

    await user.click(screen.getByRole('link', { name: 'Show them' }));
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    expect(screen.getByRole('button', { name: /^Needs attention/ })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: /^Remove filter Needs attention/ })).toBeInTheDocument();
  });

  it('says plainly that an empty room is empty, and that a failure is a failure', async () => {
    signedInAs('school');
    answerWith([]);
    const first = renderApp('/rooms/no-such-room');
    expect(await screen.findByRole('heading', { name: 'No recordings yet' })).toBeInTheDocument();
    expect(screen.getByText(/Room “no-such-room” has no recordings/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    first.unmount();

    server.use(http.post('*/api/videos', () => HttpResponse.json({ status: false, message: 'Database down' }, { status: 500 })));
    renderApp('/rooms/room-101');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The recordings could not be loaded');
    expect(screen.queryByRole('heading', { name: 'No recordings yet' })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'This room at a glance' })).not.toBeInTheDocument();
  });

  it('remembers rooms that exist, not typos, and offers them in the “go to room” box', async () => {
    signedInAs('school');
    answerWith([rawRecord({ _id: 'a', class_id: 'school::Salle 12 é' })]);
    const { user } = renderApp(roomPath('Salle 12 é'));
    await screen.findByRole('heading', { name: 'This room at a glance' });
    await waitFor(() => expect(JSON.parse(localStorage.getItem(RECENT_ROOMS_KEY) ?? '{}')).toEqual({ school: ['Salle 12 é'] }));

    // Keyboard only: Down opens the recent rooms, Enter opens the highlighted one.
    const box = screen.getByRole('combobox', { name: 'Room id' });
    expect(box).toHaveAttribute('aria-expanded', 'false');
    // From the top of the page, the box comes right after the main navigation.
    (document.activeElement as HTMLElement | null)?.blur();
    const passed: string[] = [];
    for (let step = 0; step < 8 && document.activeElement !== box; step += 1) {
      if (document.activeElement instanceof HTMLElement && document.activeElement !== document.body) {
        passed.push(spoken(document.activeElement.textContent ?? ''));
      }
      await user.tab();
    }
    expect(box).toHaveFocus();
    expect(passed).toEqual(['Skip to content', 'Recordings', 'All recordings', 'Rooms']);
    await user.keyboard('{ArrowDown}');
    expect(box).toHaveAttribute('aria-expanded', 'true');
    const option = screen.getByRole('option', { name: 'Salle 12 é, visited recently' });
    expect(option).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', option.id);
    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');

    // A typo: the room page says it is empty, suggests the near name, and is not remembered.
    answerWith([]);
    await user.type(box, 'salle 12 e{Enter}');
    const h1 = await screen.findByRole('heading', { level: 1, name: 'Room salle 12 e' });
    expect(h1).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'No recordings yet' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Salle 12 é' })).toHaveAttribute('href', '/rooms/Salle%2012%20%C3%A9');
    expect(JSON.parse(localStorage.getItem(RECENT_ROOMS_KEY) ?? '{}')).toEqual({ school: ['Salle 12 é'] });

    // Typing filters the suggestions; a click on one opens it exactly.
    answerWith([rawRecord({ _id: 'a', class_id: 'school::Salle 12 é' })]);
    await user.type(box, 'SAL');
    await user.click(screen.getByRole('option', { name: /Salle 12 é/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Room Salle 12 é' })).toBeInTheDocument();
    expect(box).toHaveValue('');
  });
});
