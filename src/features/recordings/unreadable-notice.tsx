import { formatCount } from './format';
import type { UnreadableRecord } from './recording';

const SHOWN = 50;

/** "N recordings could not be read", with the reasons on request. One bad record never hides the rest. */
export function UnreadableNotice({ unreadable }: { unreadable: readonly UnreadableRecord[] }) {
  const count = unreadable.length;
  return (
    <details className="notice notice--warning unreadable">
      <summary>
        {formatCount(count)} {count === 1 ? 'recording' : 'recordings'} could not be read and {count === 1 ? 'is' : 'are'} not
        shown. Why?
      </summary>
      {/* Scrolls when long: focusable, so that it can be scrolled from the keyboard too. */}
      <ul tabIndex={0} aria-label="Why each record could not be read">
        {unreadable.slice(0, SHOWN).map((item) => (
          <li key={item.position}>
            Record {formatCount(item.position)}
            {item.id ? ` (id ${item.id})` : ''}: {item.reason}.
          </li>
        ))}
      </ul>
      {count > SHOWN ? <p>…and {formatCount(count - SHOWN)} more.</p> : null}
    </details>
  );
}
