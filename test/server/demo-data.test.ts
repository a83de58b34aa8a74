import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoData } from '../../server/demo-data.ts';
import { RecordingsStore } from '../../server/store.ts';
import { SCHOOL, TEACHMINT, allRecordings, roomOf, startTestServer, type Recording, type TestServer } from './harness.ts';

let app: TestServer;
let school: Recording[];

beforeAll(async () => {
  app = await startTestServer();
  school = await allRecordings(app.url, SCHOOL);
});

afterAll(async () => {
  await app.close();
});

const PIPELINE = ['PROCESSING', 'UPLOADED', 'QUEUED', 'FAILED'];

describe('seeded demo data', () => {
  it('gives demo-school at least 300 recordings over at least 12 rooms within the last 90 days', () => {
    expect(school.length).toBeGreaterThanOrEqual(300);
    const rooms = new Set(school.map(roomOf));
    expect(rooms.size).toBeGreaterThanOrEqual(12);
    expect(rooms).toContain('Salle 12 é');
    const now = Date.now() / 1000;
    for (const record of school) {
      expect(record.c as number).toBeGreaterThan(now - 90 * 86_400);
      expect(record.c as number).toBeLessThan(now);
      expect(record.u as number).toBeGreaterThan(record.c as number);
    }
  });

  it('mixes statuses, modes, versions and durations', () => {
    const statuses = new Set(school.map((record) => record.status));
    expect(statuses.size).toBeGreaterThanOrEqual(4);
    for (const status of ['SENT', 'PROCESSED', ...PIPELINE]) expect(statuses).toContain(status);
    expect(new Set(school.map((record) => record.mode))).toEqual(new Set(['landscape', 'portrait', undefined]));
    expect(new Set(school.map((record) => record.version))).toEqual(new Set(['1.0.0', '1.1.0']));
    const durations = school.map((record) => record.duration as number);
    expect(Math.min(...durations)).toBeGreaterThanOrEqual(180);
    expect(Math.max(...durations)).toBeLessThanOrEqual(9_000);
    expect(durations.filter((duration) => duration > 7_200).length).toBeGreaterThanOrEqual(3);
  });

  it('leaves optional fields out of some records, like the spec\'s first example', () => {
    const legacy = school.filter((record) => !('session_id' in record));
    expect(legacy.length).toBeGreaterThan(10);
    for (const record of legacy) {
      expect(record).not.toHaveProperty('mode');
      expect(record).not.toHaveProperty('callback');
      expect(record).not.toHaveProperty('thumbnail_256x144_path');
    }
    expect(school.some((record) => record.callback === null)).toBe(true);
    expect(school.some((record) => typeof record.callback === 'string')).toBe(true);
  });

  it('gives pipeline records a raw file but no processed one, and finished ones the full set', () => {
    for (const record of school) {
      expect(record.raw_path).toMatch(/\.webm$/);
      if (PIPELINE.includes(record.status as string)) {
        expect(record).not.toHaveProperty('processed_path');
      } else {
        expect(record.processed_path).toMatch(/\.mp4$/);
        expect(record.thumbnail_path).toMatch(/\.png$/);
      }
      if (record.mode === 'portrait') expect(record.processed_path ?? record.raw_path).toContain('chemistry-portrait');
    }
  });

  it('is repeatable: the same seed and clock give the same records', async () => {
    const now = Date.UTC(2026, 2, 4, 12);
    const seeded = async () => {
      const dir = await mkdtemp(path.join(os.tmpdir(), 'rd-seed-test-'));
      const store = RecordingsStore.open(dir);
      try {
        await seedDemoData(store, { schoolRecordings: 50, now });
        return [...store.iterateRecordings('demo-school')];
      } finally {
        store.close();
        await rm(dir, { recursive: true, force: true });
      }
    };
    const [first, second] = await Promise.all([seeded(), seeded()]);
    expect(first).toHaveLength(50);
    expect(second).toEqual(first);
  });

  it('loads the spec examples for teachmint verbatim, Google Storage URLs included', async () => {
    const records = await allRecordings(app.url, TEACHMINT);
    expect(records.map((record) => record._id)).toEqual([
      '61436403912fe0d86d993d1d',
      '62f811fda299d6803d9ff4cd',
      '61f92dd81d1e96b3z9682d34',
    ]);
    expect(records.every((record) => String(record.raw_path).startsWith('https://storage.googleapis.com/'))).toBe(true);
  });
});
