import { roomPath } from '../recordings/recording-links';

/**
 * Room addresses. A room id is opaque (spaces, unicode, `::`, `/`, `%`, `#`, `?`…) and travels as
 * ONE percent-encoded path segment (`roomPath`); these helpers read it back and build the views
 * the overview links to, using the list's own URL parameters (use-recordings-view-state.ts).
 */

const ROOM_PATH = /^\/rooms\/([^/]+)\/?$/;

/**
 * The room id in a `/rooms/<segment>` pathname, decoded exactly once; null for other paths.
 *
 * Read from the raw pathname rather than `useParams()`: React Router decodes a segment and then
 * turns every `%2F` left in the decoded text into `/`, so a room id that really contains "%2F"
 * came back as "/" (remix-run/react-router#11293, #13813).
 */
export function readRoomPath(pathname: string): string | null {
  const match = ROOM_PATH.exec(pathname);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    // Not valid percent-encoding (typed by hand): the segment as it stands is the best guess.
    return match[1]!;
  }
}

/** The room's recordings of one local day (`YYYY-MM-DD`): what a cell of the activity chart opens. */
export function roomDayPath(roomId: string, day: string): string {
  const params = new URLSearchParams({ created: 'custom', from: day, to: day });
  return `${roomPath(roomId)}?${params}`;
}

/** The room's recordings that need attention at a threshold in hours. */
export function roomAttentionPath(roomId: string, hours: number): string {
  const params = new URLSearchParams({ attention: '1', after: String(hours) });
  return `${roomPath(roomId)}?${params}`;
}

/**
 * Recordings without a room cannot have a room page (the API refuses an empty `room_id`): they
 * are the main list filtered to "no room", with the same extra list parameters as a room's link.
 */
export function noRoomPath(extra: Record<string, string> = {}): string {
  return `/?${new URLSearchParams({ room: '', ...extra })}`;
}

/**
 * The room id a person meant in the "go to room" box. Besides a bare id they paste what the app
 * shows them: a room's address (`/rooms/gym`, or the whole URL) or a recording's class id
 * (`demo-school::gym`, a known client before `::`). Anything else is taken as typed: room ids
 * may themselves contain `::` or `/`.
 */
export function roomIdFromTyped(typed: string, knownClients: ReadonlySet<string>): string {
  const text = typed.trim();
  let path: string | null = null;
  if (text.startsWith('/rooms/')) path = text;
  else if (/^https?:\/\//i.test(text)) {
    try {
      path = new URL(text).pathname;
    } catch {
      path = null;
    }
  }
  const fromPath = path === null ? null : readRoomPath(path.split(/[?#]/, 1)[0]!);
  if (fromPath !== null) return fromPath;
  const at = text.indexOf('::');
  if (at > 0 && knownClients.has(text.slice(0, at)) && text.length > at + 2) return text.slice(at + 2);
  return text;
}
