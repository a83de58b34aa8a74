// @vitest-environment jsdom
/**
 * Where the auth key may and may not be after the login form has been used (server mode, the
 * default): it goes out once, in the body of POST /api/session, and then it is nowhere in the
 * page: not in query keys or cached data, not in the mutation cache (devtools show it), not in
 * the DOM, not in storage, not in any URL requested.
 */
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { QueryClient } from '@tanstack/react-query';
import { fixtureText } from '../harness/fixtures';
import { installMsw, server } from '../harness/msw';
import { renderApp, signedOut, videosAnswer } from '../harness/render-app';

installMsw();
afterEach(() => server.events.removeAllListeners());

const KEY = 'custody-test-key-7d3e91';

function everywhere(queryClient: QueryClient): string {
  const queries = queryClient
    .getQueryCache()
    .getAll()
    .map((query) => JSON.stringify({ key: query.queryKey, hash: query.queryHash, data: query.state.data, error: String(query.state.error) }));
  const mutations = queryClient
    .getMutationCache()
    .getAll()
    .map((mutation) =>
      JSON.stringify({
        key: mutation.options.mutationKey,
        variables: mutation.state.variables,
        data: mutation.state.data,
        error: String(mutation.state.error),
        context: mutation.state.context,
      }),
    );
  return [
    ...queries,
    ...mutations,
    document.documentElement.outerHTML,
    JSON.stringify({ ...sessionStorage }),
    JSON.stringify({ ...localStorage }),
    document.cookie,
    window.location.href,
  ].join('\n');
}

function watchRequests(): string[] {
  const urls: string[] = [];
  server.events.on('request:start', ({ request }) => {
    urls.push(request.url);
  });
  return urls;
}

describe('the auth key after the login form', () => {
  it('is sent once, in a request body, and is nowhere in the page after signing in', async () => {
    signedOut();
    const urls = watchRequests();
    const bodies: string[] = [];
    server.use(
      http.post('*/api/session', async ({ request }) => {
        bodies.push(await request.text());
        server.use(http.get('*/api/session', () => HttpResponse.json({ status: true, client_id: 'teachmint' })));
        return HttpResponse.json({ status: true, client_id: 'teachmint' });
      }),
      http.post('*/api/videos', async ({ request }) => {
        bodies.push(await request.text());
        return videosAnswer(fixtureText('all-recordings.response.json'));
      }),
    );
    const { user, queryClient } = renderApp('/');
    await user.type(await screen.findByLabelText('Client ID'), 'teachmint');
    await user.type(screen.getByLabelText('Auth key'), KEY);
    // While typing, the key is in the form (that is where the person put it), and only there.
    expect(screen.getByLabelText('Auth key')).toHaveValue(KEY);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(screen.getAllByRole('row').length).toBeGreaterThan(1));

    expect(bodies.filter((body) => body.includes(KEY))).toHaveLength(1);
    expect(JSON.parse(bodies[0]!)).toEqual({ client_id: 'teachmint', auth_key: KEY });
    expect(urls.some((url) => url.includes(KEY) || url.includes(encodeURIComponent(KEY)))).toBe(false);
    expect(everywhere(queryClient)).not.toContain(KEY);
    // Keys carry the client id, never the key.
    expect(queryClient.getQueryCache().getAll().map((query) => query.queryKey)).toEqual(
      expect.arrayContaining([['session'], ['recordings', 'teachmint', null]]),
    );
  });

  it('is not kept in the mutation cache after a failed sign-in, and not shown in the error', async () => {
    signedOut();
    server.use(
      http.post('*/api/session', () =>
        // A careless upstream that echoes what it was sent.
        HttpResponse.json({ status: false, message: `Invalid auth_key ${KEY}` }, { status: 401 }),
      ),
    );
    const { user, queryClient } = renderApp('/login');
    await user.type(await screen.findByLabelText('Client ID'), 'teachmint');
    await user.type(screen.getByLabelText('Auth key'), KEY);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That client ID and auth key do not match');

    const [mutation] = queryClient.getMutationCache().getAll();
    expect(mutation?.state.status).toBe('error');
    expect(mutation?.state.variables).toBeUndefined();
    expect(String(mutation?.state.error)).not.toContain(KEY);
    expect(JSON.stringify((mutation?.state.error as { detail?: string }).detail)).not.toContain(KEY);
    expect(document.body.textContent).not.toContain(KEY);
  });

  it('could never reach a URL, even if script failed before the form handler: the form posts', async () => {
    signedOut();
    renderApp('/login');
    const form = (await screen.findByLabelText('Auth key')).closest('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(screen.getByLabelText('Auth key')).toHaveAttribute('type', 'password');
  });
});
