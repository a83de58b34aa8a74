import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The API document's own examples, byte for byte (test/fixtures is a verbatim copy of shared/spec/examples). */
export function fixtureText(name: string): string {
  return readFileSync(resolve(process.cwd(), 'test/fixtures', name), 'utf8');
}

export function fixtureJson<T = unknown>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
}

/** Splits text into byte chunks of a given size, as a network might deliver them. */
export function byteChunks(text: string, size: number): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.slice(i, i + size));
  return chunks;
}

/** A raw API record with every field, for building lists in tests. */
export function rawRecord(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const id = (overrides._id as string | undefined) ?? 'rec-1';
  return {
    _id: id,
    c: 1_700_000_000.25,
    u: 1_700_000_100.5,
    class_id: 'school::room-1',
    session_id: `session-${id}`,
    uuid: `uuid-${id}`,
    client: 'school',
    raw_path: `https://media.example/${id}.webm`,
    processed_path: `https://media.example/${id}.mp4`,
    thumbnail_path: `https://media.example/${id}.png`,
    thumbnail_256x144_path: `https://media.example/${id}_256x144.png`,
    version: '1.0.0',
    duration: 60,
    status: 'SENT',
    mode: 'landscape',
    callback: null,
    ...overrides,
  };
}
