/**
 * How fast the rooms overview is with 50 rooms over 90 days:
 *   npx tsx bench/rooms-performance.ts                 derivation in Node, then the page in Chromium
 *   ROOMS=… RECORDINGS=… to change; BROWSER=0 for the Node part only.
 *
 * 1. `summarizeRooms` in Node (V8, like Chromium): the one pass behind every figure and the chart.
 * 2. The built app in headless Chromium against the reference server (DIST_DIR, default ./dist),
 *    with the account's `/api/videos` answered by the same synthetic list: time until the whole
 *    50 × 90 chart is painted, switching the range 14 → 90 days, and an arrow key in the chart.
 * Prints figures; never fails on a timing. Compare them as ratios within one run (shared machine).
 */
import { chromium, type Page } from 'playwright-core';
import { startReferenceServer } from './reference-server';
import type { Recording } from '../src/features/recordings/recording';
import { normalizeRecording } from '../src/features/recordings/recording-schema';
import { summarizeRooms } from '../src/features/rooms/room-stats';

const RECORDINGS = Number(process.env.RECORDINGS ?? 100_000);
const ROOMS = Number(process.env.ROOMS ?? 50);
const DAYS = 90;
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const STATUSES = ['SENT', 'PROCESSED', 'PROCESSING', 'UPLOADED', 'QUEUED', 'FAILED', 'sent', null];
const now = Date.now();

/** The API's own shape: rooms with odd ids, spread over the last 120 days, every status. */
function rawRecord(i: number): Record<string, unknown> {
  const room = `room ${i % ROOMS} ::é`;
  return {
    _id: `rec-${i}`,
    c: (now - Math.floor((((i * 7919) % RECORDINGS) / RECORDINGS) * 120 * 86_400_000)) / 1000,
    u: now / 1000,
    class_id: `demo-school::${room}`,
    client: 'demo-school',
    session_id: `session-${i}`,
    uuid: `uuid-${i}`,
    duration: 600 + (i % 3600),
    status: STATUSES[i % STATUSES.length],
    mode: i % 5 === 0 ? 'portrait' : 'landscape',
    version: '1.0.0',
  };
}

const raws = Array.from({ length: RECORDINGS }, (_, i) => rawRecord(i));
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

function nodePart(): void {
  const records: Recording[] = raws.map((raw) => normalizeRecording(raw));
  const timings: number[] = [];
  for (let run = 0; run < 30; run += 1) {
    const started = performance.now();
    const summary = summarizeRooms(records, { now, attentionHours: 24 + run });
    timings.push(performance.now() - started);
    if (summary.rooms.length !== ROOMS) throw new Error(`expected ${ROOMS} rooms, got ${summary.rooms.length}`);
  }
  console.log(`summarizeRooms (Node): ${RECORDINGS.toLocaleString('en')} recordings, ${ROOMS} rooms, ${DAYS} days`);
  console.log(`  first run ${fmt(timings[0]!)} · median ${fmt(median(timings))} · max ${fmt(Math.max(...timings))} (30 runs)`);
}


/** What "done" means, checked inside the page (its CSP forbids evaluating strings). */
type Done = { chartDays: number; rooms: number } | { focusedCell: string };

/** Milliseconds from just before `act` until a frame is painted in which `done` holds. */
async function timeToPaint(page: Page, act: () => Promise<void>, done: Done): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __t0: number }).__t0 = performance.now();
  });
  await act();
  return page.evaluate(
    (check) =>
      new Promise<number>((resolve) => {
        const t0 = (window as unknown as { __t0: number }).__t0;
        const holds = () =>
          'focusedCell' in check
            ? document.activeElement?.getAttribute('data-cell') === check.focusedCell
            : document.querySelectorAll('.activity__table tbody tr').length === check.rooms &&
              document.querySelectorAll('.activity__table [data-cell]').length === check.rooms * (check.chartDays + 1);
        const poll = () => {
          if (holds()) requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    done,
  );
}

async function longTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.splice(0));
}

/** Every cell of the chart is there: one row per room, one cell per day plus the room's name. */
const chartComplete = (days: number): Done => ({ chartDays: days, rooms: ROOMS });

async function browserPart(): Promise<void> {
  const body = JSON.stringify({ status: true, obj: raws });
  const server = await startReferenceServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'en-US' });
    await page.addInitScript('globalThis.__name = (fn) => fn');
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
    // The synthetic account: every list request gets the same answer (no room_id requests here).
    await page.route('**/api/videos', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
    await page.goto(`${server.base}/login`);
    await page.getByLabel('Client ID').fill('demo-school');
    await page.getByLabel('Auth key').fill('demo-school-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'All recordings', level: 1 }).waitFor({ timeout: 60_000 });
    // The whole list in the cache first: what is measured below is the overview, not the download.
    await page.waitForFunction((n) => document.querySelector('.summary')?.textContent?.startsWith(`${n} recordings`), RECORDINGS.toLocaleString('en'), {
      timeout: 180_000,
    });

    // Client-side navigation to the overview with the list already in the cache: the chart's cost.
    const openTimes: number[] = [];
    const switchTimes: number[] = [];
    const keyTimes: number[] = [];
    const tasks: number[] = [];
    for (let run = 0; run < 5; run += 1) {
      await page.getByRole('link', { name: 'All recordings' }).click();
      await page.getByRole('heading', { name: 'All recordings', level: 1 }).waitFor();
      await longTasks(page);
      openTimes.push(
        await timeToPaint(page, () => page.evaluate(() => {
          history.pushState(null, '', '/rooms?days=90');
          dispatchEvent(new PopStateEvent('popstate'));
        }), chartComplete(90)),
      );
      tasks.push(...(await longTasks(page)));

      await page.getByRole('button', { name: '14 days' }).click();
      await timeToPaint(page, async () => {}, chartComplete(14));
      await longTasks(page);
      switchTimes.push(await timeToPaint(page, () => page.getByRole('button', { name: '90 days' }).click(), chartComplete(90)));
      tasks.push(...(await longTasks(page)));

      await page.locator('.activity__table [data-cell="0:1"]').focus();
      keyTimes.push(
        await timeToPaint(page, () => page.keyboard.press('ArrowRight'), { focusedCell: '0:2' }),
      );
    }
    const cells = await page.locator('.activity__table [data-cell]').count();
    console.log(`Rooms overview in Chromium: ${ROOMS} rooms × ${DAYS} days (${cells.toLocaleString('en')} cells), ${RECORDINGS.toLocaleString('en')} recordings`);
    console.log(`  open /rooms?days=90 from the list, to the whole chart painted: median ${fmt(median(openTimes))} (${openTimes.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`  14 → 90 days, click to paint: median ${fmt(median(switchTimes))} (${switchTimes.map((t) => t.toFixed(0)).join(', ')})`);
    console.log(`  arrow key in the chart, to the next cell focused and painted: median ${fmt(median(keyTimes))}`);
    console.log(`  long tasks during opening and switching: ${tasks.length}, longest ${fmt(tasks.length ? Math.max(...tasks) : 0)}`);
  } finally {
    await browser.close();
    server.stop();
  }
}

nodePart();
if (process.env.BROWSER !== '0') await browserPart();
