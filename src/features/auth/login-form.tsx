import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useLocation } from 'react-router-dom';
import { isApiError } from '../../lib/api-error';
import { config } from '../../lib/config';
import { sessionQuery, signIn, type Credentials, type Session } from './session-queries';

/** Shown when the route guard saw a request refused mid-session (see require-session.tsx). */
export const SESSION_ENDED_NOTICE = 'Your session ended; sign in again.';

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
      return `Could not reach ${config.apiMode === 'direct' ? 'the recordings API' : 'the dashboard server'}. Check your connection and try again.`;
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
  const sessionEnded = (useLocation().state as { sessionEnded?: unknown } | null)?.sessionEnded === true;
  // Handed to the mutation through a ref, not as its variables: the mutation cache keeps
  // variables around (and shows them in devtools), and the key must not linger there.
  const credentials = useRef<Credentials | null>(null);
  const clientIdInput = useRef<HTMLInputElement>(null);
  const authKeyInput = useRef<HTMLInputElement>(null);
  const login = useMutation({
    mutationFn: () => {
      const given = credentials.current;
      credentials.current = null;
      if (!given) throw new Error('Nothing to sign in with.');
      return signIn(given);
    },
    onSuccess: (session) => {
      // A different account must never see the previous one's rows, not even for a frame.
      queryClient.clear();
      queryClient.setQueryData(sessionQuery.queryKey, session);
      setAuthKey('');
      onSignedIn(session);
    },
    // The button was disabled while signing in, which drops focus on the page: put it where the
    // next attempt starts, with the key selected so that it can be typed again at once.
    onError: () => {
      authKeyInput.current?.focus();
      authKeyInput.current?.select();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Both lose stray spaces at the ends (a pasted key often brings one); see decision 0009.
    const id = clientId.trim();
    const key = authKey.trim();
    if (id === '' || key === '') {
      setMissing(id === '' ? 'Enter your client ID.' : 'Enter your auth key.');
      (id === '' ? clientIdInput : authKeyInput).current?.focus();
      return;
    }
    setMissing(null);
    credentials.current = { clientId: id, authKey: key };
    login.mutate();
  };

  const error = config.problem ?? missing ?? (login.isError ? loginErrorMessage(login.error) : null);

  return (
    // method="post": should script ever fail before the submit handler runs, the browser must not
    // put the key into the URL (and the history) as a GET form would.
    <form className="login-form" method="post" onSubmit={submit} noValidate aria-describedby={error ? errorId : undefined}>
      <h1>Sign in to Recordings</h1>
      <p className="login-form__lead">Use the client ID and auth key your school received for the recordings API.</p>
      {(sessionEnded || notice) && !error ? (
        <p className="notice notice--info" role="status">
          {sessionEnded ? <strong>{SESSION_ENDED_NOTICE}</strong> : null}
          {sessionEnded && notice ? ' ' : null}
          {notice ? <span>{notice}</span> : null}
        </p>
      ) : null}
      <div className="field">
        <label htmlFor="client-id">Client ID</label>
        <input
          ref={clientIdInput}
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
          ref={authKeyInput}
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
      <button type="submit" className="button button--primary" disabled={login.isPending || config.problem !== null}>
        {login.isPending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
