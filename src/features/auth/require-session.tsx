import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { isApiError } from '../../lib/api-error';
import { clearDirectCredentials } from '../../lib/direct-credentials';
import { useSession } from './use-session';

/**
 * Pages behind sign-in. Sends the user to the login screen, remembering where they were going
 * (`next`, a same-site path). When a request was refused mid-session, the login screen also
 * says so (router state, so it is not in the URL and does not survive a reload).
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  const queryClient = useQueryClient();
  const ended = !session && sessionWasRefused(queryClient);
  useEffect(() => {
    // Direct mode keeps the key in sessionStorage: a key the API refuses is forgotten at once.
    if (ended) clearDirectCredentials();
  }, [ended]);
  if (!session) {
    const next = `${location.pathname}${location.search}${location.hash}`;
    const search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/login${search}`} replace state={ended ? { sessionEnded: true } : null} />;
  }
  return children;
}

/** A query in the cache failed with 401: the session (or the key behind it) stopped working. */
export function sessionWasRefused(queryClient: QueryClient): boolean {
  return queryClient
    .getQueryCache()
    .getAll()
    .some((query) => isApiError(query.state.error) && query.state.error.kind === 'auth');
}
