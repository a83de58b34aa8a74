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

/**
 * The CSV a piece at a time: the header, then lines a few hundred rows per piece. Empty pieces
 * mark places where a caller may pause (`exportCsv` does, so 100,000 rows never freeze the page).
 */
function* csvPieces(records: readonly Recording[], indexes: Uint32Array): Generator<string> {
  const extraKeys = new Set<string>();
  for (let k = 0; k < indexes.length; k += 1) {
    for (const key of Object.keys(records[indexes[k]!]!.extra)) extraKeys.add(key);
    if (k % 2_000 === 1_999) yield '';
  }
  const extras = [...extraKeys].sort();
  yield [...COLUMNS.map(([name]) => name), ...extras].map(csvCell).join(',') + '\r\n';
  let lines: string[] = [];
  for (let k = 0; k < indexes.length; k += 1) {
    const record = records[indexes[k]!]!;
    const cells = COLUMNS.map(([, read]) => csvCell(read(record)));
    for (const key of extras) cells.push(csvCell(record.extra[key]));
    lines.push(cells.join(','));
    if (lines.length === 500) {
      yield lines.join('\r\n') + '\r\n';
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join('\r\n') + '\r\n';
}

export function recordingsCsv(records: readonly Recording[], indexes: Uint32Array): string {
  return [...csvPieces(records, indexes)].join('');
}

/** Makes the CSV a slice (~8 ms) per task, then saves it: the page stays responsive meanwhile. */
export async function exportCsv(records: readonly Recording[], indexes: Uint32Array, fileName: string): Promise<void> {
  const pieces: string[] = [];
  let sliceStart = performance.now();
  for (const piece of csvPieces(records, indexes)) {
    if (piece) pieces.push(piece);
    if (performance.now() - sliceStart > 8) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
  downloadCsv(pieces, fileName);
}

/** Saves the CSV through a temporary object URL: nothing leaves the browser. */
export function downloadCsv(csv: string | readonly string[], fileName: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', ...(typeof csv === 'string' ? [csv] : csv)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
