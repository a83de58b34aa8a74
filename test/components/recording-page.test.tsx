// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { rawRecord } from '../harness/fixtures';
import { installMsw, server } from '../harness/msw';
import { renderApp, signedInAs, videosAnswer } from '../harness/render-app';
import { installJsdomMediaGaps, livePlayers } from './player-jsdom';

installMsw();
installJsdomMediaGaps({ beforeAll, afterAll });
afterEach(() => localStorage.clear());

// Newest first: d (maths), c (physics), b (physics, FAILED), a (physics).
const records = [
  rawRecord({ _id: 'a', c: 1_700_000_100, class_id: 'school::physics', status: 'SENT' }),
  rawRecord({ _id: 'b', c: 1_700_000_200, class_id: 'school::physics', status: 'FAILED', processed_path: null }),
  rawRecord({ _id: 'c', c: 1_700_000_300, class_id: 'school::physics', status: 'SENT', mode: 'portrait', shiny_new_field: { a: 1 } }),
  rawRecord({ _id: 'd', c: 1_700_000_400, class_id: 'school::maths', status: 'SENT' }),
];

/** Answers /api/videos like the API: the whole account, or one room's with `room_id`; records what was asked. */
function serveRecordings() {
  const asked: (string | null)[] = [];
  server.use(
    http.post('*/api/videos', async ({ request }) => {
      const body = (await request.json().catch(() => ({}))) as { room_id?: string };
      const room = body.room_id ?? null;
      asked.push(room);
      const rows = room === null ? records : records.filter((r) => r.class_id === `school::${room}`);
      return videosAnswer(JSON.stringify({ status: true, obj: rows }));
    }),
  );
  return asked;
}


function pager() {
  return screen.getByRole('navigation', { name: 'Previous and next recording' });
}

describe('the recording page', () => {
  it('opens on a fresh tab from its URL, fetching only its room, with every field, times, downloads and thumbnails', async () => {
    signedInAs('school');
    const asked = serveRecordings();
    renderApp('/recordings/c?room=physics');

    await screen.findByRole('heading', { level: 1, name: /^physics · / });
    expect(asked).toEqual(['physics']);
    expect(screen.getByText(/Processed and delivered to your school/)).toBeInTheDocument();
    expect(screen.getByText('shiny_new_field')).toBeInTheDocument();
    expect(screen.getByText('{"a":1}')).toBeInTheDocument();
    expect(screen.getByText('2023-11-14 22:18:20 UTC', { exact: false })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Download mp4' })).toHaveAttribute('href', 'https://media.example/c.mp4');
    expect(screen.getByRole('link', { name: 'Download webm' })).toHaveAttribute('href', 'https://media.example/c.webm');
    expect(screen.getByRole('link', { name: 'Download thumbnail' })).toHaveAttribute('href', 'https://media.example/c.png');
    expect(screen.getByRole('img', { name: 'Full-size thumbnail' })).toHaveAttribute('src', 'https://media.example/c.png');
    expect(screen.getByRole('img', { name: 'Small thumbnail, 256 by 144' })).toHaveAttribute('src', 'https://media.example/c_256x144.png');

    // A shared link has no list behind it: previous and next follow the room, newest first.
    await waitFor(() => expect(pager()).toHaveTextContent('1 of 3 in room physics, newest first'));
    expect(within(pager()).getByRole('link', { name: /^Next/ })).toHaveAttribute('href', '/recordings/b?room=physics');

    // The room's other recordings, this one marked.
    const strip = screen.getByRole('region', { name: 'More from room physics' });
    const items = within(strip).getAllByRole('link').filter((link) => link.getAttribute('href')?.startsWith('/recordings/'));
    expect(items.map((link) => link.getAttribute('href'))).toEqual(['/recordings/c?room=physics', '/recordings/b?room=physics', '/recordings/a?room=physics']);
    expect(items[0]).toHaveAttribute('aria-current', 'page');

    await waitFor(() => expect(livePlayers()[0]?.currentSrc()).toBe('https://media.example/c.mp4'));
    expect(livePlayers()).toHaveLength(1);
  });

  it('steps through the filtered list the user came from, on one player, and goes back to that list', async () => {
    signedInAs('school');
    serveRecordings();
    const { user, container } = renderApp('/?status=SENT');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));

    // Open the newest SENT recording (d): the first row's date link.
    const firstRow = screen.getAllByRole('row')[1]!;
    await user.click(within(firstRow).getAllByRole('link')[0]!);
    await screen.findByRole('heading', { level: 1, name: /^maths · / });
    await waitFor(() => expect(pager()).toHaveTextContent('1 of 3 in the list you came from'));
    await waitFor(() => expect(livePlayers()).toHaveLength(1));
    const player = livePlayers()[0]!;

    // Next skips b (FAILED is filtered out): c, then a.
    await user.click(within(pager()).getByRole('link', { name: /^Next/ }));
    await screen.findByRole('heading', { level: 1, name: /^physics · / });
    await waitFor(() => expect(pager()).toHaveTextContent('2 of 3 in the list you came from'));
    await waitFor(() => expect(player.currentSrc()).toBe('https://media.example/c.mp4'));
    expect(player.poster()).toBe('https://media.example/c.png');
    await user.click(within(pager()).getByRole('link', { name: /^Next/ }));
    await waitFor(() => expect(pager()).toHaveTextContent('3 of 3 in the list you came from'));
    await waitFor(() => expect(player.currentSrc()).toBe('https://media.example/a.mp4'));
    expect(within(pager()).queryByRole('link', { name: /^Next/ })).not.toBeInTheDocument();
    expect(within(pager()).getByText('This is the last')).toBeInTheDocument();
    expect(livePlayers()).toEqual([player]);
    expect(container.querySelectorAll('.video-js')).toHaveLength(1);

    await user.click(screen.getByRole('link', { name: '← Back to the list' }));
    await screen.findByRole('heading', { level: 1, name: 'All recordings' });
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(4));
    expect(player.isDisposed()).toBe(true);
    expect(document.querySelectorAll('video')).toHaveLength(0);
  });

  it('plays the raw webm with a notice when processing failed', async () => {
    signedInAs('school');
    serveRecordings();
    renderApp('/recordings/b?room=physics');
    const note = await screen.findByRole('note');
    expect(note).toHaveTextContent('Processing this recording failed, so the raw recording (webm) is playing.');
    await waitFor(() => expect(livePlayers()[0]?.currentSrc()).toBe('https://media.example/b.webm'));
  });

  it('takes ?t= as the start, and adds the room to an old link so that a reload loads one room', async () => {
    signedInAs('school');
    const asked = serveRecordings();
    renderApp('/recordings/a?t=75');
    await screen.findByRole('heading', { level: 1, name: /^physics · / });
    expect(await screen.findByRole('button', { name: 'Copy link at 1:15' })).toBeInTheDocument();
    // First the account (the room was unknown), then the address gained ?room=physics.
    await waitFor(() => expect(asked).toEqual([null, 'physics']));
    // The start time stays taken after the address changed.
    expect(screen.getByRole('button', { name: 'Copy link at 1:15' })).toBeInTheDocument();
  });

  it('says plainly when the recording does not exist', async () => {
    signedInAs('school');
    serveRecordings();
    renderApp('/recordings/nope?room=physics');
    expect(await screen.findByRole('heading', { level: 1, name: 'Recording not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '← Back to the list' })).toHaveAttribute('href', '/rooms/physics');
  });
});
