// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { rawRecord } from '../harness/fixtures';
import { server, installMsw } from '../harness/msw';
import { renderApp, signedInAs, videosAnswer } from '../harness/render-app';

installMsw();

const records = [
  rawRecord({ _id: 'a', c: 1_700_000_300, class_id: 'school::physics', status: 'SENT', mode: null, duration: 3600 }),
  rawRecord({ _id: 'b', c: 1_700_000_200, class_id: 'school::maths', status: 'FAILED', mode: 'portrait', duration: 1800 }),
  rawRecord({ _id: 'c', c: 1_700_000_100, class_id: 'school::physics', status: 'PROCESSED', mode: 'landscape', duration: 600 }),
  42,
];

function bodyRows() {
  return screen.getAllByRole('row').slice(1);
}

describe('the recordings list', () => {
  it('shows every readable record, newest first, and counts the unreadable one', async () => {
    signedInAs('school');
    server.use(http.post('*/api/videos', () => videosAnswer(JSON.stringify({ status: true, obj: records }), { chunkSize: 50 })));
    renderApp('/');

    await waitFor(() => expect(bodyRows()).toHaveLength(3));
    expect(bodyRows().map((row) => within(row).getAllByRole('link')[1]?.textContent)).toEqual(['physics', 'maths', 'physics']);
    expect(screen.getByText('3 recordings · 1.7 h in total')).toBeInTheDocument();
    expect(screen.getByText(/1 recording could not be read/)).toBeInTheDocument();
    expect(screen.getByRole('columnheader', { name: /Created/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('filters by status and mode, with options and counts from the data, and says how many match', async () => {
    signedInAs('school');
    server.use(http.post('*/api/videos', () => videosAnswer(JSON.stringify({ status: true, obj: records }))));
    const { user } = renderApp('/');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.click(screen.getByText('Status', { selector: 'summary' }));
    await user.click(screen.getByRole('checkbox', { name: /Failed/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.getByText('1 of 3 recordings · 0.5 h in total')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.click(screen.getByText('Mode', { selector: 'summary' }));
    const notGiven = screen.getByRole('checkbox', { name: /Not given/ });
    await user.click(notGiven);
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(within(bodyRows()[0]!).getByText('physics')).toBeInTheDocument();
  });

  it('sorts by a column when its header is clicked, and says so with aria-sort', async () => {
    signedInAs('school');
    server.use(http.post('*/api/videos', () => videosAnswer(JSON.stringify({ status: true, obj: records }))));
    const { user } = renderApp('/');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.click(screen.getByRole('button', { name: /Duration/ }));
    const header = screen.getByRole('columnheader', { name: /Duration/ });
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'descending'));
    expect(bodyRows().map((row) => within(row).getByText(/^\d+:\d\d:\d\d$/).textContent)).toEqual(['1:00:00', '0:30:00', '0:10:00']);
    await user.click(screen.getByRole('button', { name: /Duration/ }));
    await waitFor(() => expect(header).toHaveAttribute('aria-sort', 'ascending'));
    expect(bodyRows().map((row) => within(row).getByText(/^\d+:\d\d:\d\d$/).textContent)).toEqual(['0:10:00', '0:30:00', '1:00:00']);
  });

  it('keeps a duration typed into its box when a header is clicked next, without Tab or Enter first', async () => {
    signedInAs('school');
    server.use(http.post('*/api/videos', () => videosAnswer(JSON.stringify({ status: true, obj: records }))));
    const { user } = renderApp('/');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    await user.type(screen.getByRole('spinbutton', { name: 'Shortest duration, minutes' }), '20');
    await user.click(screen.getByRole('button', { name: /^Duration/ }));
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(screen.getByRole('columnheader', { name: /Duration/ })).toHaveAttribute('aria-sort', 'descending');
    expect(screen.getByRole('button', { name: 'Remove filter Duration at least 20 min' })).toBeInTheDocument();
    expect(screen.getByRole('spinbutton', { name: 'Shortest duration, minutes' })).toHaveValue(20);
    expect(screen.getByText('2 of 3 recordings · 1.5 h in total')).toBeInTheDocument();
  });

  it('does not turn a range round under the cursor when typing pauses mid-number', async () => {
    signedInAs('school');
    server.use(http.post('*/api/videos', () => videosAnswer(JSON.stringify({ status: true, obj: records }))));
    const { user } = renderApp('/');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    const shortest = screen.getByRole('spinbutton', { name: 'Shortest duration, minutes' });
    const longest = screen.getByRole('spinbutton', { name: 'Longest duration, minutes' });
    await user.type(shortest, '20{Enter}');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    // "3" on the way to "30": a pause longer than the box waits before applying what it has.
    await user.type(longest, '3');
    await new Promise((resolve) => setTimeout(resolve, 900));
    expect(longest).toHaveValue(3);
    expect(shortest).toHaveValue(20);
    await user.type(longest, '0{Enter}');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(shortest).toHaveValue(20);
    expect(longest).toHaveValue(30);
    expect(screen.getByText('1 of 3 recordings · 0.5 h in total')).toBeInTheDocument();
  });

  it('keeps every character of a search typed fast', async () => {
    signedInAs('school');
    server.use(http.post('*/api/videos', () => videosAnswer(JSON.stringify({ status: true, obj: records }))));
    const { user } = renderApp('/');
    await waitFor(() => expect(bodyRows()).toHaveLength(3));

    const search = screen.getByRole('searchbox', { name: 'Search' });
    await user.type(search, 'maths');
    expect(search).toHaveValue('maths');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Remove filter Search: “maths”' })).toBeInTheDocument();
    await user.clear(search);
    await user.type(search, 'phys');
    expect(search).toHaveValue('phys');
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
  });

  it('says plainly when the account has no recordings', async () => {
    signedInAs('school');
    server.use(http.post('*/api/videos', () => videosAnswer('{"status":true,"obj":[]}')));
    renderApp('/');
    expect(await screen.findByRole('heading', { name: 'No recordings yet' })).toBeInTheDocument();
  });

  it('shows a failure in words with a retry that works', async () => {
    signedInAs('school');
    let calls = 0;
    server.use(
      http.post('*/api/videos', () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse('<html><body>502 Bad Gateway</body></html>', { status: 502, headers: { 'Content-Type': 'text/html' } })
          : videosAnswer(JSON.stringify({ status: true, obj: records }));
      }),
    );
    const { user } = renderApp('/');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The recordings API is unreachable or unavailable right now.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(bodyRows()).toHaveLength(3));
  });

  it('sends the user to sign in again when the session ends mid-use', async () => {
    signedInAs('school');
    server.use(
      http.post('*/api/videos', () => HttpResponse.json({ status: false, message: 'Your session has ended.' }, { status: 401 })),
    );
    renderApp('/?status=SENT');
    expect(await screen.findByRole('heading', { name: 'Sign in to Recordings' })).toBeInTheDocument();
    expect(screen.getByText('Please sign in to continue where you were.')).toBeInTheDocument();
  });
});
