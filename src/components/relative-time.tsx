import { useEffect, useState } from 'react';

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];
const format = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

export function describeAgo(epochMs: number, now: number): string {
  const elapsed = now - epochMs;
  if (elapsed < 45_000) return 'just now';
  for (const [unit, size] of units) {
    if (elapsed >= size || unit === 'minute') return format.format(-Math.round(elapsed / size), unit);
  }
  return 'just now';
}

/** "5 minutes ago", kept current while on screen. */
export function RelativeTime({ epochMs }: { epochMs: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return <time dateTime={new Date(epochMs).toISOString()}>{describeAgo(epochMs, Math.max(now, epochMs))}</time>;
}
