import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { isApiError } from '../../lib/api-error';
import { sessionQuery, signIn, type Session } from './session-queries';

function loginErrorMessage(error: unknown): string {
  if (!isApiError(error)) return 'Sign-in failed for an unexpected reason. Please try again.';
  switch (error.kind) {
    case 'auth':
    case 'rejected':
      return 'That client ID and auth key do not match. Check both and try again.';
    case 'rate-limited':
      return error.message.replace('Too many requests to the recordings API.', 'Too many sign-in attempts.');
    case 'network':
    case 'offline':
      return 'Could not reach the dashboard server. Check your connection and try again.';
    default:
      return error.message;
  }
}

export function LoginForm({ onSignedIn, notice }: { onSignedIn: (session: Session) => void; notice?: string }) {
  const queryClient = useQueryClient();
  const [clientId, setClientId] = useState('');
  const [authKey, setAuthKey] = useState('');
  const [missing, setMissing] = useState<string | null>(null);
  const errorId = useId();
  const login = useMutation({
    mutationFn: signIn,
    onSuccess: (session) => {
      // A different account must never see the previous one's rows, not even for a frame.
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, session);
      setAuthKey('');
      onSignedIn(session);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = clientId.trim();
    if (id === '' || authKey === '') {
      setMissing(id === '' ? 'Enter your client ID.' : 'Enter your auth key.');
      return;
    }
    setMissing(null);
    login.mutate({ clientId: id, authKey });
  };

  const error = missing ?? (login.isError ? loginErrorMessage(login.error) : null);

  return (
    <form className="login-form" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
      <h1>Sign in to Recordings</h1>
      <p className="login-form__lead">Use the client ID and auth key your school received for the recordings API.</p>
      {notice && !error ? (
        <p className="notice notice--info" role="status">
          {notice}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="client-id">Client ID</label>
        <input
          id="client-id"
          name="client_id"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={clientId}
          onChange={(event) => setClientId(event.target.value)}
          aria-invalid={missing === 'Enter your client ID.' || undefined}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="auth-key">Auth key</label>
        <input
          id="auth-key"
          name="auth_key"
          type="password"
          autoComplete="current-password"
          value={authKey}
          onChange={(event) => setAuthKey(event.target.value)}
          aria-invalid={missing === 'Enter your auth key.' || undefined}
          required
        />
      </div>
      {error ? (
        <p id={errorId} className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary" disabled={login.isPending}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
