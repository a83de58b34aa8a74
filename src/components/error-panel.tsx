import { useId, type ReactNode } from 'react';
import { isApiError } from '../lib/api-error';

/** A failure in words, with what the server said on request, and a way forward. */
export function ErrorPanel({
  title,
  error,
  action,
}: {
  title: string;
  error: unknown;
  action?: ReactNode;
}) {
  const headingId = useId();
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  const detail = isApiError(error) ? error.detail : undefined;
  return (
    <section className="panel panel--error" role="alert" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p>{message}</p>
      {detail ? (
        <details>
          <summary>What the server said</summary>
          <pre className="server-detail">{detail}</pre>
        </details>
      ) : null}
      {action ? <div className="panel__actions">{action}</div> : null}
    </section>
  );
}
