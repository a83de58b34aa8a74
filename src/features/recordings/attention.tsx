import { createContext, useContext } from 'react';
import { DEFAULT_ATTENTION_HOURS, needsAttention } from './recordings-view';
import type { Recording } from './recording';

/** The "needs attention" threshold in force for the list on screen, and the time it is judged at. */
export const AttentionContext = createContext({ hours: DEFAULT_ATTENTION_HOURS, now: 0 });

function describeAge(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  return hours >= 48 ? `${Math.floor(hours / 24)} days` : `${hours} h`;
}

/** A marker in words (and an icon) beside the status of a recording that is stuck. */
export function AttentionMarker({ recording }: { recording: Recording }) {
  const { hours, now } = useContext(AttentionContext);
  if (!needsAttention(recording, now, hours)) return null;
  const age = describeAge(now - recording.createdAt!);
  return (
    <span className="attention" title={`Still not processed ${age} after it was recorded`}>
      <span aria-hidden="true">⚠</span> Stuck {age}
    </span>
  );
}
