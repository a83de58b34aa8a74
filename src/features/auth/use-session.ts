import { useQueryClient, useSuspenseQuery } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { useNavigate } from 'react-router-dom';
import { clearDirectCredentials } from '../../lib/direct-credentials';
import { sessionQuery, signOut, type Session } from './session-queries';
import { forgetScrollPositions } from '../recordings/scroll-memory';

const CHANNEL = 'recordings-dashboard-session';

export function useSession(): Session | null {
  return useSuspenseQuery(sessionQuery).data;
}

/**
 * Forgets everything this tab knows about the account: the session, every cached list, and (by
 * unmounting) the players. Other tabs of the dashboard hear about it and do the same.
 */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    try {
      await signOut();
    } finally {
      forgetAccount(queryClient);
      broadcastSignOut();
      navigate('/login', { replace: true });
    }
  }, [queryClient, navigate]);
}

export function forgetAccount(queryClient: ReturnType<typeof useQueryClient>): void {
  // Direct mode: a tab opened with "duplicate tab" holds its own copy of the key.
  clearDirectCredentials();
  forgetScrollPositions();
  queryClient.cancelQueries();
  queryClient.clear();
  queryClient.setQueryData(sessionQuery.queryKey, null);
}

function broadcastSignOut(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  channel.postMessage('signed-out');
  channel.close();
}

/** Signs this tab out when another tab signs out. */
export function useSignOutFromOtherTabs(): void {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const channel = new BroadcastChannel(CHANNEL);
    channel.onmessage = (event) => {
      if (event.data !== 'signed-out') return;
      forgetAccount(queryClient);
      navigate('/login', { replace: true });
    };
    return () => channel.close();
  }, [queryClient, navigate]);
}
