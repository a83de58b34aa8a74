import { QueryClient } from '@tanstack/react-query';
import { cleanup, render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach } from 'vitest';
import { App } from '../../src/app/app';
import { server } from './msw';

afterEach(() => cleanup());

/** The whole app at a URL, with a fresh query cache that never retries (per test). */
export function renderApp(url: string) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, structuralSharing: false, staleTime: 60_000 }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(<App initialEntries={[url]} queryClient={queryClient} />);
  return { ...view, user, queryClient };
}

export function signedInAs(clientId: string): void {
  server.use(http.get('*/api/session', () => HttpResponse.json({ status: true, client_id: clientId })));
}

export function signedOut(): void {
  server.use(http.get('*/api/session', () => HttpResponse.json({ status: false, message: 'Not signed in' }, { status: 401 })));
}

/** Answers /api/videos with a body, optionally in small chunks, as the real server streams it. */
export function videosAnswer(body: string, init: { status?: number; headers?: Record<string, string>; chunkSize?: number } = {}) {
  const bytes = new TextEncoder().encode(body);
  const size = init.chunkSize ?? bytes.length;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (let i = 0; i < bytes.length; i += size) controller.enqueue(bytes.slice(i, i + size));
      controller.close();
    },
  });
  return new HttpResponse(stream, {
    status: init.status ?? 200,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}
