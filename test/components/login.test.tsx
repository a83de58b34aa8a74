// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server, installMsw } from '../harness/msw';
import { renderApp, signedOut, videosAnswer } from '../harness/render-app';
import { fixtureText } from '../harness/fixtures';

installMsw();

describe('signing in', () => {
  it('sends a signed-out visitor to the login screen, and back where they were after signing in', async () => {
    signedOut();
    let sentBody: unknown;
    server.use(
      http.post('*/api/session', async ({ request }) => {
        sentBody = await request.json();
        server.use(http.get('*/api/session', () => HttpResponse.json({ status: true, client_id: 'teachmint' })));
        return HttpResponse.json({ status: true, client_id: 'teachmint' });
      }),
      http.post('*/api/videos', () => videosAnswer(fixtureText('room-recordings.response.json'))),
    );
    const { user } = renderApp('/rooms/123456');

    expect(await screen.findByRole('heading', { name: 'Sign in to Recordings' })).toBeInTheDocument();
    expect(screen.getByText('Please sign in to continue where you were.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Client ID'), ' teachmint');
    // Pasted with a space at the end: the key goes without it.
    await user.type(screen.getByLabelText('Auth key'), 'the-key ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { name: /Room 123456/ })).toBeInTheDocument();
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(3));
    expect(sentBody).toEqual({ client_id: 'teachmint', auth_key: 'the-key' });
  });

  it('says why a sign-in failed, on the form, and keeps what was typed', async () => {
    signedOut();
    server.use(
      http.post('*/api/session', () =>
        HttpResponse.json({ status: false, message: 'Invalid client_id or auth_key' }, { status: 401 }),
      ),
    );
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Client ID'), 'demo-school');
    await user.type(screen.getByLabelText('Auth key'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('That client ID and auth key do not match');
    expect(screen.getByLabelText('Client ID')).toHaveValue('demo-school');
    expect(screen.getByLabelText('Auth key')).toHaveValue('wrong');
    // Focus is where the next try starts, not lost on the page.
    expect(screen.getByLabelText('Auth key')).toHaveFocus();
    expect(document.body.textContent).not.toContain('wrong');
  });

  it('asks for both fields before sending anything', async () => {
    signedOut();
    const { user } = renderApp('/login');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your client ID.');
    expect(screen.getByLabelText('Client ID')).toHaveFocus();
    await user.type(screen.getByLabelText('Client ID'), 'demo-school');
    await user.type(screen.getByLabelText('Auth key'), '   ');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter your auth key.');
    expect(screen.getByLabelText('Auth key')).toHaveFocus();
  });

  it('tells a throttled user how long to wait', async () => {
    signedOut();
    server.use(
      http.post('*/api/session', () =>
        HttpResponse.json({ status: false, message: 'Too many attempts' }, { status: 429, headers: { 'Retry-After': '30' } }),
      ),
    );
    const { user } = renderApp('/login');
    await user.type(await screen.findByLabelText('Client ID'), 'demo-school');
    await user.type(screen.getByLabelText('Auth key'), 'x');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-in attempts. Try again in 30 s.');
  });
});
