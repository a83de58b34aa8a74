/**
 * How long the rooms overview's derivation takes, in Node (V8, like Chromium):
 *   npx tsx bench/rooms-performance.ts            (100,000 recordings over 50 rooms, 90 days)
 * ROOMS=… RECORDINGS=… to change. Prints figures; never fails on a timing.
 */
import type { Recording } from '../src/features/recordings/recording';
import { summarizeRooms } from '../src/features/rooms/room-stats';

const RECORDINGS = Number(process.env.RECORDINGS ?? 100_000);
const ROOMS = Number(process.env.ROOMS ?? 50);
const STATUSES = ['SENT', 'PROCESSED', 'PROCESSING', 'UPLOADED', 'QUEUED', 'FAILED', 'sent', null];
const now = Date.now();

function record(i: number): Recording {
  const room = `room ${i % ROOMS} ::é`;
  return {
    id: `rec-${i}`,
    createdAt: now - Math.floor(((i * 7919) % RECORDINGS) / RECORDINGS * 120 * 86_400_000),
    updatedAt: null,
    classId: `school::${room}`,
    clientId: 'school',
    roomId: room,
    uuid: null,
    sessionId: null,
    rawUrl: null,
    processedUrl: null,
    thumbnailUrl: null,
    thumbnailSmallUrl: null,
    version: null,
    durationSeconds: 600 + (i % 3600),
    status: STATUSES[i % STATUSES.length]!,
    mode: null,
    callback: null,
    extra: {},
    rejectedLinks: {},
    searchText: '',
  };
}

const records = Array.from({ length: RECORDINGS }, (_, i) => record(i));
const timings: number[] = [];
for (let run = 0; run < 30; run += 1) {
  const started = performance.now();
  const summary = summarizeRooms(records, { now, attentionHours: 24 + run });
  timings.push(performance.now() - started);
  if (summary.rooms.length !== ROOMS) throw new Error(`expected ${ROOMS} rooms, got ${summary.rooms.length}`);
}
const sorted = [...timings].sort((a, b) => a - b);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(`summarizeRooms: ${RECORDINGS.toLocaleString('en')} recordings, ${ROOMS} rooms, 90 days`);
console.log(`  first run ${fmt(timings[0]!)} · median ${fmt(sorted[Math.floor(sorted.length / 2)]!)} · max ${fmt(sorted.at(-1)!)} (30 runs)`);
