// @vitest-environment jsdom
/**
 * The key stops working mid-session (rotated, revoked): the next request answers 401, the user
 * lands on the login screen with a message saying so, and after signing in again is back where
 * they were, filters and all, with the list loaded afresh.
 */
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { rawRecord } from '../harness/fixtures';
import { installMsw, server } from '../harness/msw';
import { renderApp, signedInAs, videosAnswer } from '../harness/render-app';

installMsw();

const records = [
  rawRecord({ _id: 'a', c: 1_700_000_300, class_id: 'school::room-1', status: 'SENT' }),
  rawRecord({ _id: 'b', c: 1_700_000_200, class_id: 'school::room-1', status: 'FAILED' }),
  rawRecord({ _id: 'c', c: 1_700_000_100, class_id: 'school::room-1', status: 'SENT' }),
];

function bodyRows() {
  return screen.getAllByRole('row').slice(1);
}

describe('when the key stops working mid-session', () => {
  it('goes to the login screen with a message, then back to the same page and filters after signing in', async () => {
    signedInAs('school');
    const bodies: unknown[] = [];
    let keyWorks = true;
    server.use(
      http.post('*/api/videos', async ({ request }) => {
        bodies.push(await request.json());
        if (!keyWorks) {
          return HttpResponse.json(
            { status: false, message: 'Your session has ended. Please sign in again.' },
            { status: 401, headers: { 'Set-Cookie': 'rd_session=; Max-Age=0' } },
          );
        }
        return videosAnswer(JSON.stringify({ status: true, obj: { recordings: records } }));
      }),
      http.post('*/api/session', () => {
        keyWorks = true;
        return HttpResponse.json({ status: true, client_id: 'school' });
      }),
    );
    const { user } = renderApp('/rooms/room-1?status=SENT');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));

    keyWorks = false;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));

    expect(await screen.findByRole('heading', { name: 'Sign in to Recordings' })).toBeInTheDocument();
    expect(screen.getByText('Your session ended; sign in again.')).toBeInTheDocument();
    expect(screen.getByText('Please sign in to continue where you were.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('Client ID'), 'school');
    await user.type(screen.getByLabelText('Auth key'), 'the-new-key');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: /Room room-1/ })).toBeInTheDocument();
    // status=SENT survived the round trip through the login screen: 2 of the 3 rows.
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(bodies).toEqual([{ room_id: 'room-1' }, { room_id: 'room-1' }, { room_id: 'room-1' }]);
  });

  it('does not claim the session ended for someone who was simply not signed in', async () => {
    server.use(http.get('*/api/session', () => HttpResponse.json({ status: false, message: 'Not signed in' }, { status: 401 })));
    renderApp('/rooms/room-1');
    expect(await screen.findByRole('heading', { name: 'Sign in to Recordings' })).toBeInTheDocument();
    expect(screen.queryByText('Your session ended; sign in again.')).not.toBeInTheDocument();
    expect(screen.getByText('Please sign in to continue where you were.')).toBeInTheDocument();
  });
});
