/**
 * Measures the recordings list at scale in headless Chromium against the reference server:
 *   npx tsx bench/list-performance.ts            (100,000 recordings; SEED=… to change)
 * It prints figures; it never fails on a timing. See README "Benchmarks".
 */
import { chromium, type Page } from 'playwright-core';
import { startReferenceServer } from './reference-server';

const SEED = Number(process.env.SEED ?? 100_000);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';


/** Long tasks since the last call, from a buffered observer installed before the app runs. */
async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    const tasks = w.__longTasks.splice(0);
    return tasks;
  });
}

/**
 * Time from the user's input (the click or input event, as the page saw it) until `changed` is
 * true in a painted frame (the rAF after the DOM change). Playwright's own work before the click
 * (finding the element, waiting for it to be stable) is not counted.
 */
async function timeToPaint(page: Page, act: () => Promise<void>, changed: string): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __inputAt: number }).__inputAt = 0;
  });
  await act();
  return page.evaluate(
    (check) =>
      new Promise<number>((resolve) => {
        const w = window as unknown as { __inputAt: number };
        const test = new Function(`return (${check})`) as () => boolean;
        const poll = () => {
          if (w.__inputAt > 0 && test()) requestAnimationFrame(() => resolve(performance.now() - w.__inputAt));
          else requestAnimationFrame(poll);
        };
        poll();
      }),
    changed,
  );
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const max = (values: number[]) => (values.length ? Math.max(...values) : 0);
const fmt = (n: number) => `${n.toFixed(0)} ms`;

async function main() {
  console.log(`Seeding ${SEED.toLocaleString()} recordings and starting the server…`);
  const server = await startReferenceServer({ SEED_RECORDINGS: String(SEED) });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1360, height: 860 } });
    const page = await context.newPage();
    // tsx keeps function names with a `__name` helper that does not exist in the page.
    await page.addInitScript('globalThis.__name = (fn) => fn');
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[]; __longTaskLog: string[]; __firstRowAt: number };
      w.__longTasks = [];
      w.__longTaskLog = [];
      // When the last click or keystroke reached the page: where "input to paint" starts.
      for (const type of ['click', 'input']) {
        document.addEventListener(type, (event) => ((w as unknown as { __inputAt: number }).__inputAt = event.timeStamp), { capture: true });
      }
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          w.__longTasks.push(entry.duration);
          w.__longTaskLog.push(`${Math.round(performance.timeOrigin + entry.startTime)}:${Math.round(entry.duration)}`);
        }
      }).observe({ type: 'longtask', buffered: true });
      // The first frame painted with a table row in it, seen from inside the page.
      const watch = new MutationObserver(() => {
        if (!document.querySelector('tbody tr')) return;
        watch.disconnect();
        requestAnimationFrame(() => {
          w.__firstRowAt = performance.timeOrigin + performance.now();
        });
      });
      document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { childList: true, subtree: true }));
    });
    await page.goto(`${server.base}/login`);
    await page.getByLabel('Client ID').fill('demo-school');
    await page.getByLabel('Auth key').fill('demo-school-key');
    await takeLongTasks(page);

    let headersAt = 0;
    let requestStart = 0;
    let finishedAt = 0;
    page.on('response', (response) => {
      if (response.url().endsWith('/api/videos')) {
        const timing = response.request().timing();
        requestStart = timing.startTime;
        headersAt = timing.startTime + timing.responseStart;
      }
    });
    page.on('requestfinished', (request) => {
      if (request.url().endsWith('/api/videos')) finishedAt = Date.now();
    });

    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForSelector('tbody tr', { timeout: 120_000 });
    const firstRowAt = await page.waitForFunction(() => (window as unknown as { __firstRowAt?: number }).__firstRowAt).then((h) => h.jsonValue() as Promise<number>);
    await page.waitForFunction(
      (n) => document.querySelector('.summary')?.textContent?.startsWith(`${n.toLocaleString()} recordings`),
      SEED,
      { timeout: 180_000 },
    );
    const allAt = Date.now();
    // The worker then sends every column's sort order; the list's load ends with the last one.
    await page.getByRole('button', { name: 'Refresh', exact: true }).and(page.locator(':enabled')).waitFor({ timeout: 60_000 });
    const ordersAt = Date.now();
    const loadTasks = await takeLongTasks(page);
    const loadTaskLog = await page.evaluate(() => (window as unknown as { __longTaskLog: string[] }).__longTaskLog.splice(0));

    // Scrolling: step through the list, then jump to the very end.
    const scrollTasks: number[] = [];
    await page.evaluate(async () => {
      const el = document.querySelector('.table-scroll')!;
      for (let i = 0; i < 120; i += 1) {
        el.scrollTop += 1200;
        await new Promise((r) => requestAnimationFrame(r));
      }
    });
    scrollTasks.push(...(await takeLongTasks(page)));
    await page.evaluate(() => {
      const el = document.querySelector('.table-scroll')!;
      el.scrollTop = el.scrollHeight;
    });
    await page.waitForTimeout(500);
    const lastRow = await page.evaluate(() =>
      Math.max(...[...document.querySelectorAll('tbody tr')].map((tr) => Number(tr.getAttribute('aria-rowindex')))),
    );
    scrollTasks.push(...(await takeLongTasks(page)));
    await page.evaluate(() => {
      document.querySelector('.table-scroll')!.scrollTop = 0;
    });

    // Sorting: each click until the first row shows the new order.
    const sortTimes: number[] = [];
    for (const column of ['Duration', 'Room', 'Status', 'Created', 'Duration']) {
      const before = await page.locator('tbody tr').first().innerText();
      sortTimes.push(
        await timeToPaint(
          page,
          () => page.getByRole('button', { name: new RegExp(`^${column}`) }).click(),
          `document.querySelector('tbody tr')?.innerText !== ${JSON.stringify(before)}`,
        ),
      );
    }
    const sortTasks = await takeLongTasks(page);

    // Filtering: a status quick filter, then typing in the search box.
    const filterTimes: number[] = [];
    filterTimes.push(
      await timeToPaint(
        page,
        () => page.locator('.counter', { hasText: 'Failed' }).click(),
        `/ of /.test(document.querySelector('.summary')?.textContent ?? '')`,
      ),
    );
    await page.locator('.counter', { hasText: 'Failed' }).click();
    await page.waitForFunction(() => !/ of /.test(document.querySelector('.summary')?.textContent ?? ''));
    await takeLongTasks(page);
    const search = page.getByRole('searchbox', { name: 'Search' });
    const typed: number[] = [];
    for (const text of ['a', 'ab', 'ab1']) {
      typed.push(
        await timeToPaint(
          page,
          () => search.fill(text),
          `new URLSearchParams(location.search).get('q') === ${JSON.stringify(text)} && / of /.test(document.querySelector('.summary')?.textContent ?? '')`,
        ),
      );
    }
    const typingTasks = await takeLongTasks(page);

    console.log('');
    console.log(`Recordings list, ${SEED.toLocaleString()} records, headless Chromium, 1360x860`);
    console.log(`  first rows on screen after response headers : ${fmt(firstRowAt - headersAt)}`);
    console.log(`  request start -> headers                     : ${fmt(headersAt - requestStart)}`);
    console.log(`  body fully received (from request start)     : ${finishedAt ? fmt(finishedAt - requestStart) : 'not seen'}`);
    console.log(`  every row on screen and filterable (from start): ${fmt(allAt - requestStart)}`);
    console.log(`  every column's order in (from start)         : ${fmt(ordersAt - requestStart)}`);
    console.log(`  long tasks while loading  : ${loadTasks.length} (max ${fmt(max(loadTasks))})`);
    console.log(
      `    at (ms after request start: duration) ${loadTaskLog
        .map((entry) => entry.split(':').map(Number))
        .map(([at, duration]) => `${Math.round(at! - requestStart)}:${duration}`)
        .join(' ')}`,
    );
    console.log(`  long tasks while scrolling: ${scrollTasks.length} (max ${fmt(max(scrollTasks))})`);
    console.log(`  last row reached          : aria-rowindex ${lastRow} of ${SEED + 1}`);
    console.log(`  sort click -> painted     : median ${fmt(median(sortTimes))}, max ${fmt(max(sortTimes))} [${sortTimes.map(fmt).join(', ')}]`);
    console.log(`  long tasks while sorting  : ${sortTasks.length} (max ${fmt(max(sortTasks))})`);
    console.log(`  status filter -> painted  : ${fmt(filterTimes[0]!)}`);
    console.log(`  search keystroke -> painted: [${typed.map(fmt).join(', ')}]`);
    console.log(`  long tasks while typing   : ${typingTasks.length} (max ${fmt(max(typingTasks))})`);
  } finally {
    await browser.close();
    server.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
