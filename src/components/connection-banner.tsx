import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
}

const isOnline = () => navigator.onLine;
const onServer = () => true;

/** How long "Back online" stays up after the connection returns. */
const BACK_ONLINE_MS = 4_000;

/**
 * Says when the browser is offline, and gets going again when it is back: TanStack Query resumes
 * requests that were paused, and this refetches the lists that failed meanwhile (once: an
 * in-flight fetch is joined, not doubled). What is on screen stays on screen throughout.
 * The live region is always in the document, so that screen readers hear the change.
 */
export function ConnectionBanner() {
  const online = useSyncExternalStore(subscribe, isOnline, onServer);
  const queryClient = useQueryClient();
  const [backOnline, setBackOnline] = useState(false);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onOnline = () => {
      setBackOnline(true);
      clearTimeout(timer);
      timer = setTimeout(() => setBackOnline(false), BACK_ONLINE_MS);
      void queryClient.refetchQueries(
        { type: 'active', predicate: (query) => query.state.status === 'error' },
        { cancelRefetch: false },
      );
    };
    const onOffline = () => {
      clearTimeout(timer);
      setBackOnline(false);
    };
    window.addEventListener('online', onOnline);
    window.addEventListener('offline', onOffline);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('online', onOnline);
      window.removeEventListener('offline', onOffline);
    };
  }, [queryClient]);

  return (
    <div className="connection-banner" role="status" aria-live="polite">
      {!online ? (
        <p className="notice notice--warning">
          You are offline. What is on screen stays here; lists load again as soon as the connection is back.
        </p>
      ) : backOnline ? (
        <p className="notice notice--info">Back online.</p>
      ) : null}
    </div>
  );
}
