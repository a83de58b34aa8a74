/**
 * The API's recording fields, in the order the spec's examples print them. Each has a column of
 * its own; a value of an unexpected type (e.g. `callback: null`) goes to the `extra` JSON column
 * under its own name, so absent, null and odd values all come back exactly as they went in.
 */
export const RECORDING_FIELDS = [
  ['_id', 'text'],
  ['c', 'number'],
  ['u', 'number'],
  ['class_id', 'text'],
  ['session_id', 'text'],
  ['uuid', 'text'],
  ['client', 'text'],
  ['raw_path', 'text'],
  ['processed_path', 'text'],
  ['thumbnail_path', 'text'],
  ['thumbnail_256x144_path', 'text'],
  ['version', 'text'],
  ['duration', 'number'],
  ['status', 'text'],
  ['mode', 'text'],
  ['callback', 'text'],
] as const;

export type RecordingField = (typeof RECORDING_FIELDS)[number][0];
export type ApiRecording = Record<string, unknown>;
export type RecordingRow = Record<RecordingField, string | number | null> & { room: string | null; extra: string | null };

const MEDIA_FIELDS = new Set<string>(['raw_path', 'processed_path', 'thumbnail_path', 'thumbnail_256x144_path']);

/**
 * A record's room is its class_id without the `<client>::` prefix, split at the FIRST `::`
 * because room ids may contain `::` themselves. A class_id without `::` is all room.
 */
export function roomOf(classId: unknown): string | null {
  if (typeof classId !== 'string') return null;
  const at = classId.indexOf('::');
  return at === -1 ? classId : classId.slice(at + 2);
}

export function toRow(record: ApiRecording): RecordingRow {
  const row = { room: roomOf(record.class_id), extra: null } as RecordingRow;
  // Null prototypes: a `__proto__` key from JSON must stay a plain key, not rewire the object.
  const extra: Record<string, unknown> = Object.create(null);
  for (const [name, kind] of RECORDING_FIELDS) {
    const value = Object.hasOwn(record, name) ? record[name] : undefined;
    const fits = kind === 'text' ? typeof value === 'string' : typeof value === 'number' && Number.isFinite(value);
    row[name] = fits ? (value as string | number) : null;
    if (!fits && value !== undefined) extra[name] = value;
  }
  for (const [name, value] of Object.entries(record)) {
    if (!RECORDING_FIELDS.some(([field]) => field === name)) extra[name] = value;
  }
  if (Object.keys(extra).length > 0) row.extra = JSON.stringify(extra);
  return row;
}

/** Rebuilds the API object; site-relative media paths become absolute URLs on `origin`. */
export function fromRow(row: RecordingRow, origin: string): ApiRecording {
  const extra = row.extra ? (JSON.parse(row.extra) as Record<string, unknown>) : {};
  const record: ApiRecording = Object.create(null);
  for (const [name] of RECORDING_FIELDS) {
    const value = row[name];
    if (value !== null) {
      record[name] = MEDIA_FIELDS.has(name) && isSiteRelative(value) ? `${origin}${value}` : value;
    } else if (Object.hasOwn(extra, name)) {
      record[name] = extra[name];
    }
  }
  for (const [name, value] of Object.entries(extra)) {
    if (!Object.hasOwn(record, name)) record[name] = value;
  }
  return record;
}

function isSiteRelative(value: string | number): value is string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//');
}
