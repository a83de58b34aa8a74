import { Suspense, useState, type FormEvent } from 'react';
import { Link, NavLink, Outlet, useNavigate } from 'react-router-dom';
import { RequireSession } from '../features/auth/require-session';
import { useSession, useSignOut, useSignOutFromOtherTabs } from '../features/auth/use-session';
import { roomPath } from '../features/recordings/recording-links';

/** The frame of every signed-in page: header, room box, account, and the page itself. */
export function AppLayout() {
  return (
    <Suspense fallback={<PageLoading />}>
      <RequireSession>
        <SignedInLayout />
      </RequireSession>
    </Suspense>
  );
}

function SignedInLayout() {
  const session = useSession();
  const signOut = useSignOut();
  useSignOutFromOtherTabs();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__brand">
          <img src="/favicon.svg" alt="" width="24" height="24" />
          Recordings
        </Link>
        <nav aria-label="Main">
          <NavLink to="/" end>
            All recordings
          </NavLink>
        </nav>
        <GoToRoom />
        <span className="app-header__spacer" />
        <span className="app-header__account" title="Signed in client">
          {session?.clientId}
        </span>
        <button type="button" className="button" onClick={() => void signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

function GoToRoom() {
  const [room, setRoom] = useState('');
  const navigate = useNavigate();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (room.trim() === '') return;
    navigate(roomPath(room.trim()));
    setRoom('');
  };
  return (
    <form className="go-to-room" onSubmit={submit} role="search" aria-label="Go to a room">
      <label htmlFor="go-to-room" className="visually-hidden">
        Room id
      </label>
      <input id="go-to-room" placeholder="Go to room…" value={room} onChange={(event) => setRoom(event.target.value)} />
      <button type="submit" className="button">
        Open
      </button>
    </form>
  );
}

function PageLoading() {
  return (
    <main id="main" className="page page--narrow" aria-busy="true">
      <p role="status">Loading…</p>
    </main>
  );
}
