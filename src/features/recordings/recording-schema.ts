import type { Recording, UnreadableRecord } from './recording';

/**
 * The API boundary for one record. Lenient: anything optional may be missing or null, numbers may
 * arrive as numeric strings. A record is unreadable only when it is not an object, has no id, or
 * a field holds a value of a kind that cannot mean anything (an object where a date belongs).
 */

const KNOWN_FIELDS = new Set([
  '_id',
  'c',
  'u',
  'class_id',
  'session_id',
  'uuid',
  'client',
  'raw_path',
  'processed_path',
  'thumbnail_path',
  'thumbnail_256x144_path',
  'version',
  'duration',
  'status',
  'mode',
  'callback',
]);

const LINK_FIELDS = {
  raw_path: 'rawUrl',
  processed_path: 'processedUrl',
  thumbnail_path: 'thumbnailUrl',
  thumbnail_256x144_path: 'thumbnailSmallUrl',
} as const;

class Unreadable extends Error {}

function fail(reason: string): never {
  throw new Unreadable(reason);
}

function optionalNumber(value: unknown, field: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string') {
    const parsed = Number(value);
    if (Number.isFinite(parsed)) return parsed;
  }
  return fail(`"${field}" is not a number`);
}

function optionalText(value: unknown, field: string): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(`"${field}" is not text`);
}

/** Only absolute http(s) URLs are ever rendered as links, images or video sources. */
export function isSafeLink(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(value) && !/[\s\p{Cc}]/u.test(value);
}

/** Splits `class_id` into client and room. Rooms may themselves contain `::`. */
export function splitClassId(classId: string, client: string | null): { clientId: string; roomId: string } {
  if (client && classId.startsWith(`${client}::`)) {
    return { clientId: client, roomId: classId.slice(client.length + 2) };
  }
  const at = classId.indexOf('::');
  if (at < 0) return { clientId: client ?? '', roomId: classId };
  return { clientId: client ?? classId.slice(0, at), roomId: classId.slice(at + 2) };
}

export function normalizeRecording(raw: unknown): Recording {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    fail(raw === null ? 'the record is null' : `the record is ${Array.isArray(raw) ? 'a list' : `a ${typeof raw}`}, not an object`);
  }
  const source = raw as Record<string, unknown>;

  const rawId = source._id;
  let id: string;
  if (typeof rawId === 'string' && rawId.trim() !== '') id = rawId;
  else if (typeof rawId === 'number' && Number.isFinite(rawId)) id = String(rawId);
  else fail('it has no "_id"');

  const client = optionalText(source.client, 'client');
  const classId = optionalText(source.class_id, 'class_id') ?? '';
  const { clientId, roomId } = splitClassId(classId, client);

  const created = optionalNumber(source.c, 'c');
  const updated = optionalNumber(source.u, 'u');
  const duration = optionalNumber(source.duration, 'duration');

  const links: Pick<Recording, 'rawUrl' | 'processedUrl' | 'thumbnailUrl' | 'thumbnailSmallUrl'> = {
    rawUrl: null,
    processedUrl: null,
    thumbnailUrl: null,
    thumbnailSmallUrl: null,
  };
  const rejectedLinks: Record<string, string> = {};
  for (const [field, key] of Object.entries(LINK_FIELDS)) {
    const value = optionalText(source[field], field);
    if (value === null || value === '') continue;
    if (isSafeLink(value)) links[key] = value;
    else rejectedLinks[field] = value;
  }

  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    if (KNOWN_FIELDS.has(key)) continue;
    if (nestedTooDeeply(source[key])) fail(`"${key}" is nested more than ${MAX_NESTING} levels deep`);
    // defineProperty: a "__proto__" key from JSON stays a plain key instead of rewiring `extra`.
    Object.defineProperty(extra, key, { value: source[key], enumerable: true, writable: true, configurable: true });
  }
  if (nestedTooDeeply(source.callback)) fail(`"callback" is nested more than ${MAX_NESTING} levels deep`);

  const uuid = optionalText(source.uuid, 'uuid');
  const sessionId = optionalText(source.session_id, 'session_id');
  return {
    id,
    createdAt: created === null ? null : created * 1000,
    updatedAt: updated === null ? null : updated * 1000,
    classId,
    clientId,
    roomId,
    uuid,
    sessionId,
    ...links,
    version: optionalText(source.version, 'version'),
    durationSeconds: duration === null || duration < 0 ? null : Math.round(duration),
    status: optionalText(source.status, 'status'),
    mode: optionalText(source.mode, 'mode'),
    callback: source.callback,
    extra,
    rejectedLinks,
  };
}

/**
 * Deeper than this, a value is junk rather than data, and would overflow the stack of whatever
 * walks it next (structured clone to the page, JSON.stringify in the detail view).
 */
const MAX_NESTING = 64;

function nestedTooDeeply(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (depth > MAX_NESTING) return true;
    for (const child of Object.values(item as object)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return false;
}

export interface NormalizedBatch {
  records: Recording[];
  unreadable: UnreadableRecord[];
}

/** `firstPosition` is the index of `raw[0]` in the whole answer, so reasons can say "record 1,204". */
export function normalizeBatch(raw: readonly unknown[], firstPosition: number): NormalizedBatch {
  const records: Recording[] = [];
  const unreadable: UnreadableRecord[] = [];
  for (let index = 0; index < raw.length; index += 1) {
    const item = raw[index];
    try {
      records.push(normalizeRecording(item));
    } catch (error) {
      if (!(error instanceof Unreadable)) throw error;
      const rawId = item && typeof item === 'object' ? (item as Record<string, unknown>)._id : undefined;
      unreadable.push({
        position: firstPosition + index + 1,
        reason: error.message,
        ...(typeof rawId === 'string' ? { id: rawId } : {}),
      });
    }
  }
  return { records, unreadable };
}

/** What the search box looks in: _id, uuid, session id, class and room, lower-cased. */
export function searchTextOf(record: Recording): string {
  return `${record.id}\u0001${record.uuid ?? ''}\u0001${record.sessionId ?? ''}\u0001${record.classId}\u0001${record.roomId}`.toLowerCase();
}
