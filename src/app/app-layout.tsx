import { Suspense, useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { ConnectionBanner } from '../components/connection-banner';
import { RequireSession } from '../features/auth/require-session';
import { useSession, useSignOut, useSignOutFromOtherTabs } from '../features/auth/use-session';
import { GoToRoom } from '../features/rooms/go-to-room';
import { forgetRecentRooms } from '../features/rooms/recent-rooms';

/** The frame of every signed-in page: header, room box, account, connection state, and the page itself. */
export function AppLayout() {
  return (
    <Suspense fallback={<PageLoading />}>
      <RequireSession>
        <SignedInLayout />
      </RequireSession>
    </Suspense>
  );
}

/**
 * A link that opened another page was removed with the page it was on, which leaves keyboard focus
 * on <body>: the next Tab would start again at the top. Focus then goes to the new page's main
 * region, where a screen reader also starts reading. Focus that something put somewhere on
 * purpose (a search box, a player) is left where it is.
 */
function useFocusKeptAcrossPages() {
  const { pathname } = useLocation();
  const firstPage = useRef(true);
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    const frame = requestAnimationFrame(() => {
      if (document.activeElement === null || document.activeElement === document.body) {
        document.getElementById('main')?.focus({ preventScroll: true });
      }
    });
    return () => cancelAnimationFrame(frame);
  }, [pathname]);
}

function SignedInLayout() {
  const session = useSession();
  const signOut = useSignOut();
  useSignOutFromOtherTabs();
  useFocusKeptAcrossPages();
  const onSignOut = () => {
    // What this device remembers of the account goes too (localStorage is shared by its tabs).
    if (session) forgetRecentRooms(session.clientId);
    void signOut();
  };
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
          <NavLink to="/rooms">Rooms</NavLink>
        </nav>
        {session ? <GoToRoom clientId={session.clientId} /> : null}
        <span className="app-header__spacer" />
        <span className="app-header__account" title="Signed in client">
          {session?.clientId}
        </span>
        <button type="button" className="button" onClick={onSignOut}>
          Sign out
        </button>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        <ConnectionBanner />
        <Outlet />
      </main>
    </>
  );
}

function PageLoading() {
  return (
    <main id="main" className="page page--narrow" aria-busy="true">
      <p role="status">Loading…</p>
    </main>
  );
}
