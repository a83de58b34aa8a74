import { Link, useRouteError } from 'react-router-dom';

/** The last line of defence: a crash shows words and a way back, never a blank page. */
export function RouteError() {
  const error = useRouteError();
  return (
    <main id="main" className="page page--narrow">
      <section className="panel panel--error" role="alert">
        <h1>Something went wrong on this page</h1>
        <p>{error instanceof Error ? error.message : 'An unexpected error happened.'}</p>
        <p>
          <Link to="/">Back to all recordings</Link> or reload the page.
        </p>
      </section>
    </main>
  );
}
