import { queryOptions } from '@tanstack/react-query';
import { apiJson } from '../../lib/api-client';
import { ApiError, isApiError } from '../../lib/api-error';
import { config } from '../../lib/config';
import { clearDirectCredentials, readDirectCredentials, storeDirectCredentials } from '../../lib/direct-credentials';

/**
 * Who is signed in. Never the auth key: in server mode page script does not hold it after
 * sign-in at all; in direct mode it stays in sessionStorage (lib/direct-credentials), out of the
 * query cache. See docs/decisions/0004-auth-key-custody.md.
 */
export interface Session {
  clientId: string;
}

interface SessionAnswer {
  status?: unknown;
  client_id?: unknown;
}

/** A room no school has: the API's answer to it is small, and says whether the key works. */
export const SESSION_CHECK_ROOM = '__session_check__';

export const sessionQuery = queryOptions({
  queryKey: ['session'] as const,
  queryFn: async ({ signal }): Promise<Session | null> => {
    if (config.apiMode === 'direct') {
      const credentials = readDirectCredentials();
      return credentials ? { clientId: credentials.clientId } : null;
    }
    try {
      const answer = await apiJson<SessionAnswer>('/api/session', { signal });
      return answer.status === true && typeof answer.client_id === 'string' && answer.client_id ? { clientId: answer.client_id } : null;
    } catch (error) {
      if (isApiError(error) && error.kind === 'auth') return null;
      throw error;
    }
  },
  staleTime: Infinity,
});

export interface Credentials {
  clientId: string;
  authKey: string;
}

const noMatch = () => new ApiError({ kind: 'auth', message: 'That client ID and auth key do not match.' });

export async function signIn({ clientId, authKey }: Credentials): Promise<Session> {
  if (config.apiMode === 'direct') return signInDirect({ clientId, authKey });
  const answer = await apiJson<SessionAnswer>('/api/session', {
    method: 'POST',
    body: { client_id: clientId, auth_key: authKey },
    secrets: [authKey],
  });
  if (answer?.status !== true) throw noMatch();
  return { clientId: typeof answer.client_id === 'string' && answer.client_id ? answer.client_id : clientId };
}

/** Direct mode: ask the API itself for a room that cannot exist, as the dashboard server does. */
async function signInDirect({ clientId, authKey }: Credentials): Promise<Session> {
  if (!config.recordingsApiUrl) throw new ApiError({ kind: 'config', message: config.problem ?? 'The recordings API address is not set.' });
  const answer = await apiJson<SessionAnswer & { message?: unknown }>(`${config.recordingsApiUrl}/get/videos`, {
    method: 'POST',
    body: { client_id: clientId, auth_key: authKey, room_id: SESSION_CHECK_ROOM },
    secrets: [authKey],
  });
  if (answer === null || typeof answer !== 'object' || answer.status !== true) throw noMatch();
  storeDirectCredentials({ clientId, authKey });
  return { clientId };
}

export async function signOut(): Promise<void> {
  clearDirectCredentials();
  if (config.apiMode === 'direct') return;
  // A JSON content type on every state-changing call is part of the server's CSRF defence.
  await apiJson<void>('/api/session', { method: 'DELETE', body: {} });
}
