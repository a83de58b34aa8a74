import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router-dom';
import { isApiError } from '../lib/api-error';
import { createQueryClient } from '../lib/query-client';
import { sessionQuery } from '../features/auth/session-queries';
import { createAppRouter } from './router';

/** Providers and the router; nothing else. */
export function App({ initialEntries, queryClient: givenClient }: { initialEntries?: string[]; queryClient?: QueryClient }) {
  const [queryClient] = useState(() => {
    const client = givenClient ?? createQueryClient();
    // The key stopped working mid-session: drop the session, and the route guard sends the user
    // to the login screen with a way back to where they were.
    client.getQueryCache().config.onError = (error, query) => {
      if (isApiError(error) && error.kind === 'auth' && query.queryKey[0] !== sessionQuery.queryKey[0]) {
        client.setQueryData(sessionQuery.queryKey, null);
      }
    };
    return client;
  });
  const [router] = useState(() => createAppRouter(initialEntries));
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
