// @vitest-environment jsdom
/**
 * Going offline and back: the banner says so, nothing is asked for while offline, what was on
 * screen stays, and exactly one request goes out when the connection returns.
 */
import { QueryClient, QueryClientProvider, onlineManager, useQuery } from '@tanstack/react-query';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionBanner } from '../../src/components/connection-banner';
import { apiJson } from '../../src/lib/api-client';
import { rawRecord } from '../harness/fixtures';
import { installMsw, server } from '../harness/msw';
import { renderApp, signedInAs, videosAnswer } from '../harness/render-app';

installMsw();

let online = true;
let calls = 0;

beforeEach(() => {
  online = true;
  calls = 0;
  vi.spyOn(navigator, 'onLine', 'get').mockImplementation(() => online);
  onlineManager.setOnline(true);
});

afterEach(() => {
  cleanup();
  onlineManager.setOnline(true);
});

function goOffline() {
  online = false;
  act(() => {
    window.dispatchEvent(new Event('offline'));
  });
}

function goOnline() {
  online = true;
  act(() => {
    window.dispatchEvent(new Event('online'));
  });
}

function answer(reply: () => Response) {
  server.use(
    http.get('*/api/list', () => {
      calls += 1;
      return reply();
    }),
  );
}

function List() {
  const result = useQuery({ queryKey: ['list'], queryFn: ({ signal }) => apiJson<{ items: string[] }>('/api/list', { signal }) });
  return (
    <section>
      {result.data ? <p>Items: {result.data.items.join(', ')}</p> : null}
      {result.isError ? <p role="alert">{result.error.message}</p> : null}
      {result.fetchStatus === 'paused' ? <p>Waiting for the connection…</p> : null}
      <button type="button" onClick={() => result.refetch()}>
        Refresh
      </button>
    </section>
  );
}

function renderWithBanner() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
  render(
    <QueryClientProvider client={queryClient}>
      <ConnectionBanner />
      <List />
    </QueryClientProvider>,
  );
  return { user: userEvent.setup(), queryClient };
}

describe('the connection banner', () => {
  it('says nothing while online, then "offline", then "Back online", in a live region that is always there', async () => {
    answer(() => HttpResponse.json({ items: ['a'] }));
    renderWithBanner();
    const region = screen.getByRole('status');
    expect(region).toHaveTextContent('');
    goOffline();
    expect(region).toHaveTextContent('You are offline. What is on screen stays here');
    goOnline();
    expect(region).toHaveTextContent('Back online.');
  });

  it('keeps what is on screen while offline, asks for nothing, and refreshes once on reconnect', async () => {
    let version = 'first';
    answer(() => HttpResponse.json({ items: [version] }));
    const { user } = renderWithBanner();
    expect(await screen.findByText('Items: first')).toBeInTheDocument();

    goOffline();
    version = 'second';
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByText('Waiting for the connection…')).toBeInTheDocument();
    expect(screen.getByText('Items: first')).toBeInTheDocument();
    expect(calls).toBe(1);

    goOnline();
    expect(await screen.findByText('Items: second')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(2);
  });

  it('refetches a list that failed while the browser did not yet know it was offline: exactly one request', async () => {
    let reachable = false;
    answer(() => (reachable ? HttpResponse.json({ items: ['back'] }) : HttpResponse.error()));
    // navigator.onLine says offline, but TanStack has not heard an event yet: the request is tried.
    online = false;
    renderWithBanner();
    expect(await screen.findByRole('alert')).toHaveTextContent('You are offline. The list will load when the connection is back.');
    expect(screen.getByText(/You are offline. What is on screen stays here/)).toBeInTheDocument();
    expect(calls).toBe(1);

    reachable = true;
    goOnline();
    expect(await screen.findByText('Items: back')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(2);
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
  });

  it('refetches, on reconnect, a list whose refresh failed offline: the rows were kept, then renewed', async () => {
    let reachable = true;
    let version = 'first';
    answer(() => (reachable ? HttpResponse.json({ items: [version] }) : HttpResponse.error()));
    const { user } = renderWithBanner();
    expect(await screen.findByText('Items: first')).toBeInTheDocument();

    // The connection drops before the browser fires "offline": the refresh is tried and fails.
    reachable = false;
    online = false;
    await user.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('You are offline');
    expect(screen.getByText('Items: first')).toBeInTheDocument();
    expect(calls).toBe(2);

    // Fresh data for 60 s by staleTime: TanStack alone would not refetch it on reconnect.
    reachable = true;
    version = 'second';
    goOnline();
    expect(await screen.findByText('Items: second')).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(calls).toBe(3);
  });
});

describe('offline in the dashboard itself', () => {
  const records = [rawRecord({ _id: 'a', class_id: 'school::physics' }), rawRecord({ _id: 'b', class_id: 'school::maths' })];

  function listAnswer() {
    server.use(
      http.post('*/api/videos', () => {
        calls += 1;
        return videosAnswer(JSON.stringify({ status: true, obj: records }));
      }),
    );
  }

  it('every signed-in page carries the banner: offline, then back online, with the rows kept', async () => {
    signedInAs('school');
    listAnswer();
    renderApp('/');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));

    goOffline();
    expect(screen.getByText(/You are offline\. What is on screen stays here/)).toBeInTheDocument();
    expect(screen.getAllByRole('row')).toHaveLength(3);

    goOnline();
    expect(screen.getByText('Back online.')).toBeInTheDocument();
    expect(screen.queryByText(/You are offline/)).not.toBeInTheDocument();
  });

  it('a list first asked for while offline waits for the connection in words, then loads', async () => {
    signedInAs('school');
    listAnswer();
    const { user } = renderApp('/');
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(calls).toBe(1);

    goOffline();
    await user.click(screen.getByRole('link', { name: 'physics' }));
    expect(await screen.findByRole('heading', { name: 'Waiting for the connection' })).toBeInTheDocument();
    expect(screen.queryByText('Loading recordings…')).not.toBeInTheDocument();
    expect(calls).toBe(1);

    goOnline();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(screen.queryByRole('heading', { name: 'Waiting for the connection' })).not.toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
