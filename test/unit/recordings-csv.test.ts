import { describe, expect, it } from 'vitest';
import { normalizeRecording } from '../../src/features/recordings/recording-schema';
import { csvCell, recordingsCsv } from '../../src/features/recordings/recordings-csv';
import { fixtureJson, rawRecord } from '../harness/fixtures';

/** A small RFC 4180 reader, to check the export the way a spreadsheet reads it. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('writes every field of the spec example, with UTC ISO 8601 timestamps', () => {
    const records = fixtureJson<{ obj: { recordings: unknown[] } }>('room-recordings.response.json').obj.recordings.map(normalizeRecording);
    const [header, first] = readCsv(recordingsCsv(records, Uint32Array.from([0, 1])));
    const row = Object.fromEntries(header!.map((name, i) => [name, first![i]]));
    expect(row).toEqual({
      _id: '62f811fda299d6803d9ff4cd',
      created_utc: '2022-01-31T18:48:58.918Z',
      updated_utc: '2022-01-31T18:50:03.197Z',
      class_id: 'teachmint::123456',
      client: 'teachmint',
      room: '123456',
      uuid: '912936fa-5c9c-44c3-907e-a56bc6e66ghf',
      session_id: '912936fa-5c9c-44c3-907e-a56bc6e66ghf',
      status: 'SENT',
      mode: 'landscape',
      duration_seconds: '13',
      version: '1.0.0',
      processed_path: 'https://storage.googleapis.com/teachmint/video_lectures/912936fa-5c9c-44c3-907e-a56bc6e66ghf.mp4',
      raw_path: 'https://storage.googleapis.com/teachmint/video_lectures/912936fa-5c9c-44c3-907e-a56bc6e66ghf.webm',
      thumbnail_path: 'https://storage.googleapis.com/teachmint/video_lectures/912936fa-5c9c-44c3-907e-a56bc6e66ghf.png',
      thumbnail_256x144_path: 'https://storage.googleapis.com/teachmint/video_lectures/912936fa-5c9c-44c3-907e-a56bc6e66ghf_256x144.png',
      callback: '',
    });
  });

  it('quotes commas, quotes, line breaks and edge spaces, and keeps unknown fields as columns', () => {
    const record = normalizeRecording(
      rawRecord({ _id: 'a,"b"', class_id: 'school::Room\n12', status: ' SENT', teacher: 'Rao, M.', tags: ['x', 'y'] }),
    );
    const text = recordingsCsv([record], Uint32Array.from([0]));
    const [header, row] = readCsv(text);
    const cell = (name: string) => row![header!.indexOf(name)];
    expect(cell('_id')).toBe('a,"b"');
    expect(cell('room')).toBe('Room\n12');
    expect(cell('status')).toBe(' SENT');
    expect(cell('teacher')).toBe('Rao, M.');
    expect(cell('tags')).toBe('["x","y"]');
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('exports only the rows asked for, in the order asked for', () => {
    const records = [rawRecord({ _id: 'one' }), rawRecord({ _id: 'two' }), rawRecord({ _id: 'three' })].map(normalizeRecording);
    const rows = readCsv(recordingsCsv(records, Uint32Array.from([2, 0])));
    expect(rows.slice(1).map((row) => row[0])).toEqual(['three', 'one']);
  });

  it('keeps a spreadsheet from running a value as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvCell(42)).toBe('42');
    expect(csvCell(null)).toBe('');
  });

  it('writes a long list whole, one header and every row once, in the order shown', () => {
    const records = Array.from({ length: 1_234 }, (_, i) => normalizeRecording(rawRecord({ _id: `r${i}`, extra_field: i % 600 === 0 ? 'x' : undefined })));
    const order = Uint32Array.from(records.map((_, i) => records.length - 1 - i));
    const rows = readCsv(recordingsCsv(records, order));
    expect(rows).toHaveLength(1_235);
    expect(rows[0]![0]).toBe('_id');
    expect(rows.slice(1).map((row) => row[0])).toEqual([...order].map((i) => `r${i}`));
    expect(new Set(rows.map((row) => row.length)).size).toBe(1);
  });
});
