import { Suspense } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { LoginForm } from '../../features/auth/login-form';
import { useSession } from '../../features/auth/use-session';

/** Only same-site paths are followed after sign-in: `next` can never send the user elsewhere. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}

function LoginPage() {
  const session = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const next = safeNext(params.get('next'));
  if (session) return <Navigate to={next} replace />;
  return (
    <main id="main" className="login-page">
      <LoginForm
        notice={params.get('next') ? 'Please sign in to continue where you were.' : undefined}
        onSignedIn={() => navigate(next, { replace: true })}
      />
    </main>
  );
}

export function LoginRoute() {
  return (
    <Suspense fallback={<main id="main" className="login-page" aria-busy="true" />}>
      <LoginPage />
    </Suspense>
  );
}
