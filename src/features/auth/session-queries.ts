import { queryOptions } from '@tanstack/react-query';
import { apiJson } from '../../lib/api-client';
import { isApiError } from '../../lib/api-error';

/** Who is signed in. The auth key itself never reaches page script after login. */
export interface Session {
  clientId: string;
}

interface SessionAnswer {
  status: boolean;
  client_id?: string;
}

export const sessionQuery = queryOptions({
  queryKey: ['session'] as const,
  queryFn: async ({ signal }): Promise<Session | null> => {
    try {
      const answer = await apiJson<SessionAnswer>('/api/session', { signal });
      return answer.status && answer.client_id ? { clientId: answer.client_id } : null;
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

export async function signIn({ clientId, authKey }: Credentials): Promise<Session> {
  const answer = await apiJson<SessionAnswer>('/api/session', {
    method: 'POST',
    body: { client_id: clientId, auth_key: authKey },
  });
  return { clientId: answer.client_id ?? clientId };
}

export async function signOut(): Promise<void> {
  // A JSON content type on every state-changing call is part of the server's CSRF defence.
  await apiJson<void>('/api/session', { method: 'DELETE', body: {} });
}
