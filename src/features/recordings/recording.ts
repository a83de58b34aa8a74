/** One recording, in names that explain themselves. The API's names are translated once, in recording-schema.ts. */
export interface Recording {
  /** `_id`: opaque, not guaranteed to be hex. */
  id: string;
  /** `c`, as epoch milliseconds. */
  createdAt: number | null;
  /** `u`, as epoch milliseconds. */
  updatedAt: number | null;
  /** `class_id`, as sent: `<client>::<room>`. */
  classId: string;
  /** `client`, or the part of `class_id` before `::` when `client` is missing. */
  clientId: string;
  /** `class_id` without its `<client>::` prefix. Opaque: may hold spaces, unicode, `::`. */
  roomId: string;
  uuid: string | null;
  sessionId: string | null;
  /** Media links, kept only when they are http(s) URLs. */
  rawUrl: string | null;
  processedUrl: string | null;
  thumbnailUrl: string | null;
  thumbnailSmallUrl: string | null;
  version: string | null;
  durationSeconds: number | null;
  /** As sent; unknown values are shown as they come. `null` when missing. */
  status: string | null;
  mode: string | null;
  callback: unknown;
  /** Fields the API sent that this dashboard does not know, so nothing is lost. */
  extra: Record<string, unknown>;
  /** Links the API sent that were not http(s) and so are never used: field name -> value. */
  rejectedLinks: Record<string, string>;
}

/** A record that could not be read, and why: shown to the user on request. */
export interface UnreadableRecord {
  position: number;
  reason: string;
  id?: string;
}
