import type { Recording } from './recording';

/**
 * The filtered rows as CSV (RFC 4180): every field the API sent, under the API's own names,
 * timestamps in UTC ISO 8601, and quoting wherever a value needs it.
 */

const COLUMNS: [string, (r: Recording) => unknown][] = [
  ['_id', (r) => r.id],
  ['created_utc', (r) => isoOrEmpty(r.createdAt)],
  ['updated_utc', (r) => isoOrEmpty(r.updatedAt)],
  ['class_id', (r) => r.classId],
  ['client', (r) => r.clientId],
  ['room', (r) => r.roomId],
  ['uuid', (r) => r.uuid],
  ['session_id', (r) => r.sessionId],
  ['status', (r) => r.status],
  ['mode', (r) => r.mode],
  ['duration_seconds', (r) => r.durationSeconds],
  ['version', (r) => r.version],
  ['processed_path', (r) => r.processedUrl ?? r.rejectedLinks.processed_path],
  ['raw_path', (r) => r.rawUrl ?? r.rejectedLinks.raw_path],
  ['thumbnail_path', (r) => r.thumbnailUrl ?? r.rejectedLinks.thumbnail_path],
  ['thumbnail_256x144_path', (r) => r.thumbnailSmallUrl ?? r.rejectedLinks.thumbnail_256x144_path],
  ['callback', (r) => r.callback],
];

function isoOrEmpty(epochMs: number | null): string {
  return epochMs === null ? '' : new Date(epochMs).toISOString();
}

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet; a quote-prefixed value reads as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function recordingsCsv(records: readonly Recording[], indexes: Uint32Array): string {
  const extraKeys = new Set<string>();
  for (let k = 0; k < indexes.length; k += 1) {
    for (const key of Object.keys(records[indexes[k]!]!.extra)) extraKeys.add(key);
  }
  const extras = [...extraKeys].sort();
  const lines: string[] = [[...COLUMNS.map(([name]) => name), ...extras].map(csvCell).join(',')];
  for (let k = 0; k < indexes.length; k += 1) {
    const record = records[indexes[k]!]!;
    const cells = COLUMNS.map(([, read]) => csvCell(read(record)));
    for (const key of extras) cells.push(csvCell(record.extra[key]));
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Saves the CSV through a temporary object URL: nothing leaves the browser. */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
