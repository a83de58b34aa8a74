import type { Recording } from './recording';

/**
 * URLs of recordings and rooms. Ids and room ids are opaque strings (spaces, unicode, `::`), so
 * they are always percent-encoded as one path segment.
 */
export function roomPath(roomId: string): string {
  return `/rooms/${encodeURIComponent(roomId)}`;
}

/** The room travels along so the detail view can load just that room on a fresh tab. */
export function recordingPath(recording: Pick<Recording, 'id' | 'roomId'>): string {
  const room = recording.roomId ? `?room=${encodeURIComponent(recording.roomId)}` : '';
  return `/recordings/${encodeURIComponent(recording.id)}${room}`;
}
