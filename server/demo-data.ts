import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiRecording } from './recording-fields.ts';
import { SeededRandom } from './seeded-random.ts';
import type { RecordingsStore } from './store.ts';

export interface DemoAccount {
  clientId: string;
  authKey: string;
  about: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { clientId: 'demo-school', authKey: 'demo-school-key', about: 'one school, 13 rooms' },
  { clientId: 'demo-district', authKey: 'demo-district-key', about: 'platform account with 3 sub-clients' },
  { clientId: 'teachmint', authKey: 'teachmint-example-key', about: "the API document's own examples" },
];

const SEED = 20_240_917;
const DAY_MS = 86_400_000;

const SCHOOL_ROOMS = [
  'room-101', 'room-102', 'room-204', 'physics-lab', 'chemistry-lab', 'auditorium', 'library',
  'grade-7b', 'grade-8a', 'grade-9c', 'music-room', 'gym', 'Salle 12 é',
];

// `annex::studio-2` keeps the "split class_id at the first ::" rule honest; room-101 exists twice.
const DISTRICT_ROOMS: Record<string, string[]> = {
  'north-high': ['room-101', 'science-lab', 'gym'],
  'south-middle': ['room-101', 'grade-6a', 'annex::studio-2'],
  'east-primary': ['class-1a', 'class-2b', 'art-room'],
};

const LANDSCAPE_LECTURES = ['physics-waves', 'algebra-basics', 'history-rome'];
const PORTRAIT_LECTURE = 'chemistry-portrait';
const PIPELINE_STATUSES = new Set(['PROCESSING', 'UPLOADED', 'QUEUED', 'FAILED']);

export interface SeedOptions {
  schoolRecordings?: number;
  now?: number;
}

/** Fills an empty store with the three demo accounts. Deterministic apart from `now`. */
export async function seedDemoData(store: RecordingsStore, options: SeedOptions = {}): Promise<void> {
  const now = options.now ?? Date.now();
  for (const account of DEMO_ACCOUNTS) await store.setClientKey(account.clientId, account.authKey);
  const schoolRooms = SCHOOL_ROOMS.map((room) => ({ client: 'demo-school', room }));
  const districtRooms = Object.entries(DISTRICT_ROOMS).flatMap(([client, rooms]) => rooms.map((room) => ({ client, room })));
  store.insertRecordings('demo-school', generateRecordings(options.schoolRecordings ?? 320, schoolRooms, SEED, now));
  store.insertRecordings('demo-district', generateRecordings(60, districtRooms, SEED + 1, now));
  store.insertRecordings('teachmint', specExampleRecordings());
}

/** The spec's example records, verbatim: same ids, floats, Google Storage URLs, missing fields. */
export function specExampleRecordings(): ApiRecording[] {
  const read = (name: string): unknown =>
    JSON.parse(readFileSync(fileURLToPath(new URL(`../test/fixtures/${name}`, import.meta.url)), 'utf8'));
  const all = read('all-recordings.response.json') as { obj: ApiRecording[] };
  const room = read('room-recordings.response.json') as { obj: { recordings: ApiRecording[] } };
  return [...all.obj, ...room.obj.recordings];
}

interface Placement {
  client: string;
  room: string;
}

function generateRecordings(count: number, places: readonly Placement[], seed: number, now: number): ApiRecording[] {
  const random = new SeededRandom(seed);
  const slots = Array.from({ length: count }, (_, index) => {
    const duration = index % 97 === 13 ? random.int(7_300, 9_000) : lessonDuration(random);
    return {
      // Every room gets at least one recording; after that rooms are picked at random.
      place: index < places.length ? places[index]! : random.pick(places),
      duration,
      start: schoolHourStart(random, now, duration),
    };
  });
  slots.sort((a, b) => a.start - b.start);
  return slots.map((slot, index) => {
    const fromEnd = count - index;
    // The newest few are still in the pipeline, so every status shows up even in a small seed.
    const forced = count >= 10 ? [undefined, 'QUEUED', 'UPLOADED', 'PROCESSING', 'FAILED'][fromEnd] : undefined;
    const ageDays = (now - slot.start) / DAY_MS;
    return buildRecording(random, { ...slot, status: forced ?? pickStatus(random, ageDays), ageDays });
  });
}

function lessonDuration(random: SeededRandom): number {
  const kind = random.weighted({ clip: 15, lesson: 60, double: 22, long: 3 });
  if (kind === 'clip') return random.int(180, 900);
  if (kind === 'lesson') return random.int(1_800, 3_300);
  if (kind === 'double') return random.int(3_300, 7_000);
  return random.int(7_200, 9_000);
}

/** A start during school hours (local time), mostly on weekdays, finished before `now`. */
function schoolHourStart(random: SeededRandom, now: number, duration: number): number {
  let day = new Date(now);
  for (let attempt = 0; attempt < 6; attempt += 1) {
    day = new Date(now - random.int(0, 88) * DAY_MS);
    const weekend = day.getDay() === 0 || day.getDay() === 6;
    if (!weekend || random.chance(0.05)) break;
  }
  day.setHours(random.int(8, 15), random.int(0, 59), random.int(0, 59), 0);
  let start = day.getTime() + random.next() * 1000;
  if (start + (duration + 3_600) * 1000 > now) start -= 7 * DAY_MS;
  return start;
}

function pickStatus(random: SeededRandom, ageDays: number): string {
  if (ageDays < 2) return random.weighted({ SENT: 3, PROCESSED: 2, PROCESSING: 3, UPLOADED: 2, QUEUED: 2, FAILED: 1 });
  return random.weighted({ SENT: 52, PROCESSED: 38, FAILED: 5, UPLOADED: 2, PROCESSING: 2, QUEUED: 1 });
}

interface Slot {
  place: Placement;
  start: number;
  duration: number;
  status: string;
  ageDays: number;
}

function buildRecording(random: SeededRandom, slot: Slot): ApiRecording {
  const { place, duration, status } = slot;
  const portrait = random.chance(0.18);
  // Like the spec's first example: an older client version that sends fewer fields.
  const legacy = !portrait && random.chance(0.12);
  const lecture = portrait ? PORTRAIT_LECTURE : random.pick(LANDSCAPE_LECTURES);
  const inPipeline = PIPELINE_STATUSES.has(status);
  const c = slot.start / 1000;
  const delay = inPipeline ? random.int(5, 120) : random.int(40, 900);
  const uuid = random.uuid();
  const record: ApiRecording = {
    _id: Math.floor(c).toString(16).padStart(8, '0') + random.hex(16),
    c,
    u: c + duration + delay + random.next(),
    class_id: `${place.client}::${place.room}`,
  };
  if (!legacy) record.session_id = uuid;
  record.uuid = uuid;
  record.client = place.client;
  record.raw_path = `/media/${lecture}.webm`;
  if (!inPipeline) record.processed_path = `/media/${lecture}.mp4`;
  const thumbnails = !inPipeline || (status === 'FAILED' && random.chance(0.5));
  if (thumbnails) record.thumbnail_path = `/media/${lecture}.png`;
  if (thumbnails && !legacy) record.thumbnail_256x144_path = `/media/${lecture}_256x144.png`;
  record.version = !legacy && slot.ageDays < 30 && random.chance(0.6) ? '1.1.0' : '1.0.0';
  record.duration = duration;
  record.status = status;
  if (!legacy) {
    record.mode = portrait ? 'portrait' : 'landscape';
    record.callback = random.chance(0.3) ? `https://lms.${place.client}.example/hooks/recordings` : null;
  }
  return record;
}
