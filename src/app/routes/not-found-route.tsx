import { Link } from 'react-router-dom';
import { useDocumentTitle } from '../use-document-title';

export function NotFoundRoute() {
  useDocumentTitle('Page not found');
  return (
    <section className="panel panel--empty">
      <h1>Page not found</h1>
      <p>
        This address does not lead anywhere in the dashboard. <Link to="/">Go to all recordings</Link>.
      </p>
    </section>
  );
}
