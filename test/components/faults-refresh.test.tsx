// @vitest-environment jsdom
/**
 * Faults while the list is in use: a refresh that fails must keep the rows already on screen and
 * say that they may be out of date, with a way to try again; a refresh refused with 401 ends the
 * session instead.
 */
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { rawRecord } from '../harness/fixtures';
import { installMsw, server } from '../harness/msw';
import { renderApp, signedInAs, videosAnswer } from '../harness/render-app';

installMsw();

const first = [
  rawRecord({ _id: 'a', c: 1_700_000_300, class_id: 'school::physics' }),
  rawRecord({ _id: 'b', c: 1_700_000_200, class_id: 'school::maths' }),
];
const second = [...first, rawRecord({ _id: 'c', c: 1_700_000_400, class_id: 'school::history' })];

function bodyRows() {
  return screen.getAllByRole('row').slice(1);
}

/** /api/videos answers with each of `replies` in turn; returns how many requests came. */
function answersInTurn(...replies: (() => Response)[]) {
  let calls = 0;
  server.use(
    http.post('*/api/videos', () => {
      calls += 1;
      return replies[Math.min(calls, replies.length) - 1]!();
    }),
  );
  return () => calls;
}

const list = (records: unknown[]) => () => videosAnswer(JSON.stringify({ status: true, obj: records }), { chunkSize: 64 });

describe('a refresh that fails', () => {
  it.each([
    ['a 500', () => HttpResponse.json({ status: false, message: 'Internal server error' }, { status: 500 }), 'internal error (500)'],
    ['a proxy error page', () => new HttpResponse('<html>502 Bad Gateway</html>', { status: 502 }), 'unreachable or unavailable'],
    ['no network', () => HttpResponse.error(), 'Could not reach the dashboard server'],
    ['a body cut off part-way', () => videosAnswer(JSON.stringify({ status: true, obj: second }).slice(0, 900)), 'cut off'],
    ['{"status": false}', () => HttpResponse.json({ status: false, message: 'Maintenance window' }), 'Maintenance window'],
  ])('after %s keeps the rows, says they may be out of date, and recovers on "Try again"', async (_name, failure, phrase) => {
    signedInAs('school');
    const calls = answersInTurn(list(first), failure, list(second));
    const { user } = renderApp('/');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));

    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    const stale = await screen.findByText(/Could not refresh:/);
    expect(stale).toHaveTextContent(phrase);
    expect(stale).toHaveTextContent('The rows below are from the last successful load and may be out of date.');
    expect(bodyRows()).toHaveLength(2);
    expect(screen.getByText('2 recordings', { exact: false })).toBeInTheDocument();
    expect(calls()).toBe(2);

    await user.click(within(stale).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(screen.queryByText(/Could not refresh:/)).not.toBeInTheDocument();
    expect(calls()).toBe(3);
  });

  it('after a 401 ends the session: the login screen says so, and no old rows stay on screen', async () => {
    signedInAs('school');
    answersInTurn(list(first), () => HttpResponse.json({ status: false, message: 'Your session has ended.' }, { status: 401 }));
    const { user } = renderApp('/?status=SENT');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('heading', { name: 'Sign in to Recordings' })).toBeInTheDocument();
    expect(screen.getByText('Your session ended; sign in again.')).toBeInTheDocument();
    expect(screen.queryAllByRole('row')).toHaveLength(0);
  });
});
