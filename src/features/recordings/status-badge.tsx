import { describeStatus } from './format';

/** A status in words, with a shape as well as a colour so colour is never the only signal. */
export function StatusBadge({ status }: { status: string | null }) {
  const { label, tone, meaning } = describeStatus(status);
  return (
    <span className={`badge badge--${tone}`} title={meaning}>
      <span className="badge__dot" aria-hidden="true" />
      {label}
    </span>
  );
}
