/**
 * Trust, in a real browser against the built app and the reference server: every answer in the
 * error corpus (test/fixtures/corpus) served in place of /api/videos shows its own words, a way
 * forward, the right number of requests and no endless spinner; faults while in use (no network,
 * offline and back, time-outs); hostile links never rendered; and the auth key never anywhere
 * the page, the URL, storage or the history could give it away.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { corpusBody, corpusCases, corpusHeaders, type CorpusCase } from '../fixtures/corpus/corpus.ts';
import { columnTexts, listHeading, loginHeading, pathname, rows, submitLogin, waitForMetadata, waitForRows } from './dashboard.ts';
import { assertClean, browserSuite, HTTP_401, newPage, SCHOOL, step, waitFor } from './harness.ts';

const e2e = browserSuite();

/** Chromium's own console line for a non-2xx answer the test itself arranged. */
const ARRANGED_FAILURES = [/^Failed to load resource: the server responded with a status of \d+/, /^Failed to load resource: net::ERR_/];

const RETRIED: ReadonlySet<string> = new Set(['server', 'timeout', 'network']);

async function signInQuietly(page: Page): Promise<void> {
  // The cookie is what the app uses; the login form has its own test below.
  const res = await page.context().request.post('/api/session', { data: { client_id: SCHOOL.clientId, auth_key: SCHOOL.authKey } });
  assert.equal(res.status(), 200);
}

async function noSpinner(page: Page, label: string): Promise<void> {
  await waitFor(async () => (await page.locator('[aria-busy="true"]').count()) === 0 && (await page.getByText('Loading recordings…').count()) === 0, {
    timeout: 5_000,
    message: `${label}: a loading state is still on screen`,
  });
}

/** Serves `item` for every /api/videos request of the page, then checks what the person sees. */
async function runCase(page: Page, item: CorpusCase): Promise<void> {
  let requests = 0;
  const body = corpusBody(item);
  await page.route('**/api/videos', (route) => {
    requests += 1;
    return route.fulfill({ status: item.status, headers: corpusHeaders(item), body });
  });
  try {
    await page.goto('/');
    const label = `${item.id} (${item.note})`;
    if (item.kind === 'auth') {
      await loginHeading(page).waitFor({ timeout: 15_000 });
      await page.getByText('Your session ended; sign in again.').waitFor();
      assert.equal(pathname(page), '/login', label);
    } else if (item.kind === 'ok') {
      await listHeading(page).waitFor();
      if (item.records === 0) {
        await page.getByRole('heading', { name: 'No recordings yet' }).waitFor({ timeout: 15_000 });
      } else {
        await waitForRows(page, item.records!);
        assert.equal(await rows(page).count(), item.records, `${label}: rows on screen`);
      }
      await page.getByText(item.phrase, { exact: false }).first().waitFor({ timeout: 10_000 });
    } else {
      // Retried kinds take up to ~7 s of backoff (or the Retry-After) before the error shows.
      const alert = page.getByRole('alert').filter({ hasText: item.phrase });
      await alert.first().waitFor({ timeout: 25_000 });
      if (item.retried || RETRIED.has(item.kind)) {
        assert.ok(await alert.getByRole('button', { name: 'Try again' }).count(), `${label}: a Try again button`);
      }
      assert.equal(await page.locator('img[src="x"]').count(), 0, `${label}: markup from the API was not rendered`);
    }
    await noSpinner(page, label);
    // No request after the outcome: 1, or 1 + 3 retries, and then quiet.
    await page.waitForTimeout(300);
    assert.equal(requests, item.retried ? 4 : 1, `${label}: requests made`);
  } finally {
    await page.unroute('**/api/videos');
  }
}

/** Runs `work` on `count` extra pages at once (each its own context), checking each page stays clean. */
async function onPages<T>(browser: Browser, baseURL: string, items: T[], count: number, work: (page: Page, item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const pages = await Promise.all(Array.from({ length: count }, () => newPage(browser, baseURL)));
  try {
    await Promise.all(
      pages.map(async (page) => {
        page.on('dialog', (dialog) => {
          throw new Error(`a dialog opened: ${dialog.message()}`);
        });
        await signInQuietly(page);
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) await work(page, item);
      }),
    );
    for (const page of pages) assertClean(page, { allowConsole: ARRANGED_FAILURES });
  } finally {
    await Promise.all(pages.map((page) => page.context().close()));
  }
}

e2e.test(
  'every answer in the error corpus gets its own words, a way forward and no endless spinner',
  async ({ browser, baseURL }) => {
    const cases = corpusCases();
    const failures: string[] = [];
    await onPages(browser, baseURL, cases, 3, async (page, item) => {
      try {
        await runCase(page, item);
      } catch (error) {
        failures.push(`${item.id}: ${(error as Error).message.split('\n')[0]}`);
      }
    });
    console.log(`error corpus in the browser: ${cases.length - failures.length} of ${cases.length} cases handled`);
    assert.deepEqual(failures, []);
  },
  { timeout: 240_000, allowConsole: ARRANGED_FAILURES },
);

e2e.test(
  'no network at all: retried three times, then says it could not reach the server',
  async ({ page }) => {
    await signInQuietly(page);
    let requests = 0;
    await page.route('**/api/videos', (route) => {
      requests += 1;
      return route.abort('internetdisconnected');
    });
    await page.goto('/');
    const alert = page.getByRole('alert').filter({ hasText: 'Could not reach the dashboard server' });
    await alert.waitFor({ timeout: 20_000 });
    await alert.getByRole('button', { name: 'Try again' }).waitFor();
    assert.equal(requests, 4);
    await noSpinner(page, 'no network');
  },
  { allowConsole: ARRANGED_FAILURES },
);

/** The connection banner at the top of every signed-in page (components/connection-banner.tsx). */
function offlineBanner(page: Page) {
  return page.getByRole('status').filter({ hasText: 'You are offline' });
}

function backOnlineBanner(page: Page) {
  return page.getByRole('status').filter({ hasText: 'Back online' });
}

e2e.test('offline and back: the banner says so, rows stay, nothing is asked while offline, one request on reconnect', async ({ page, context }) => {
  await signInQuietly(page);
  let requests = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/videos')) requests += 1;
  });
  await page.goto('/');
  await waitForRows(page, 10);
  assert.equal(requests, 1);
  assert.equal(await offlineBanner(page).count(), 0, 'no offline banner while online');
  const shown = await rows(page).count();

  await context.setOffline(true);
  await offlineBanner(page).waitFor({ timeout: 2_000 });
  assert.ok(await offlineBanner(page).isVisible(), 'the offline banner is visible');
  await page.getByRole('button', { name: /Refresh/ }).click();
  await page.waitForTimeout(1_000);
  assert.equal(requests, 1, 'no request while offline');
  assert.equal(await rows(page).count(), shown, 'the rows stay while offline');
  assert.ok(await offlineBanner(page).isVisible(), 'still says offline');

  await context.setOffline(false);
  await backOnlineBanner(page).waitFor({ timeout: 2_000 });
  assert.equal(await offlineBanner(page).count(), 0, 'the offline banner is gone');
  await waitFor(() => requests === 2, { message: 'one request once back online' });
  await waitForRows(page, 10);
  await page.waitForTimeout(500);
  assert.equal(requests, 2, 'exactly one request on reconnect');
  // "Back online" goes away by itself.
  await waitFor(async () => (await backOnlineBanner(page).count()) === 0, { timeout: 8_000, message: '"Back online" to go away' });
});

e2e.test('offline before a list was ever loaded: waits for the connection in words, then loads it', async ({ page, context }) => {
  await signInQuietly(page);
  const requested: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/videos')) requested.push(request.postData() ?? '');
  });
  await page.goto('/');
  await waitForRows(page, 10);
  const roomLink = rows(page).first().locator('a[href^="/rooms/"]');
  const roomId = (await roomLink.textContent())!.trim();

  // Pictures still on their way when the connection drops would fail for that reason alone.
  await page.waitForFunction(() => [...document.querySelectorAll('img')].every((img) => img.complete));
  const failedWhileOffline: string[] = [];
  page.on('requestfailed', (request) => failedWhileOffline.push(request.url()));
  await context.setOffline(true);
  await offlineBanner(page).waitFor({ timeout: 2_000 });
  await roomLink.click();
  await page.getByRole('heading', { name: 'Waiting for the connection' }).waitFor();
  assert.equal(await page.locator('[aria-busy="true"]').count(), 0, 'no spinner while waiting for the connection');
  await page.waitForTimeout(1_000);
  assert.equal(requested.length, 1, 'nothing asked while offline');
  // The browser may ask for the tab's icon again; nothing of the app itself may be missing.
  assert.deepEqual(failedWhileOffline.filter((url) => !url.endsWith('/favicon.svg')), [], 'requests that failed while offline');

  await context.setOffline(false);
  await waitForRows(page, 1);
  assert.equal(await page.getByRole('heading', { name: 'Waiting for the connection' }).count(), 0);
  assert.equal(requested.length, 2, 'one request for the room, once back online');
  assert.ok(requested[1]!.includes(roomId), `the request was for ${roomId}`);
}, { allowConsole: [/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED/] });

e2e.test(
  'a refresh that fails keeps the rows on screen and says they may be out of date, then recovers',
  async ({ page }) => {
    await signInQuietly(page);
    await page.goto('/');
    await waitForRows(page, 10);
    // The whole list in (rows change while it streams in): Refresh is offered again.
    await page.getByRole('button', { name: 'Refresh', exact: true }).waitFor();
    const before = await columnTexts(page, 'Created');

    let failed = 0;
    await page.route('**/api/videos', (route) => {
      failed += 1;
      return route.fulfill({ status: 503, contentType: 'text/html', body: '<html><body><h1>503 Service Unavailable</h1></body></html>' });
    });
    await page.getByRole('button', { name: /Refresh/ }).click();
    // Three retries with backoff (about 7 s at most), then the notice.
    const notice = page.getByRole('alert').filter({ hasText: 'Could not refresh' });
    await notice.waitFor({ timeout: 20_000 });
    assert.match((await notice.textContent()) ?? '', /unreachable or unavailable.*may be out of date/s);
    assert.equal(failed, 4, 'the first try and three retries');
    assert.deepEqual(await columnTexts(page, 'Created'), before, 'the same rows are still on screen');
    await noSpinner(page, 'stale rows');

    await page.unroute('**/api/videos');
    await notice.getByRole('button', { name: 'Try again' }).click();
    await waitFor(async () => (await notice.count()) === 0, { timeout: 10_000, message: 'the stale notice to go once the list loads' });
    await waitForRows(page, 10);
  },
  { timeout: 60_000, allowConsole: ARRANGED_FAILURES },
);

e2e.test(
  'signing out in one tab signs out the others: login screen, no rows, no player, nothing fetched or remembered',
  async ({ page, context }) => {
    await signInQuietly(page);
    // A room visited is remembered on this device (the room box suggests it): a stored view of the account.
    await page.goto('/rooms/room-101');
    await waitForRows(page, 1);
    const remembered = () => page.evaluate(() => Object.entries({ ...localStorage }).filter(([, value]) => value.includes('room-101')).map(([key]) => key));
    await waitFor(async () => (await remembered()).length > 0, { message: 'room-101 remembered on this device' });
    await page.goto('/');
    await waitForRows(page, 10);

    const other = await context.newPage();
    const otherErrors: string[] = [];
    other.on('pageerror', (error) => otherErrors.push(error.message));
    other.on('console', (message) => {
      if (message.type() === 'error') otherErrors.push(message.text());
    });
    await other.goto('/');
    await waitForRows(other, 10);
    const [created] = await columnTexts(other, 'Created');
    await rows(other).first().getByRole('link', { name: created! }).click();
    await waitForMetadata(other);

    let signedOut = false;
    const fetchedAfter: string[] = [];
    other.on('request', (request) => {
      if (signedOut && /\/(media|api\/videos)\b/.test(request.url())) fetchedAfter.push(request.url());
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await loginHeading(page).waitFor();

    await loginHeading(other).waitFor({ timeout: 2_000 });
    // From the moment the other tab shows the login screen, it must fetch nothing of the account.
    signedOut = true;
    assert.equal(pathname(other), '/login');
    assert.equal(await rows(other).count(), 0, 'no rows in the other tab');
    assert.equal(await other.getByTestId('video-player').count(), 0, 'no player in the other tab');
    assert.equal(await other.locator('video').count(), 0, 'no video element in the other tab');
    await other.waitForTimeout(1_000);
    assert.deepEqual(fetchedAfter, [], 'the other tab fetched media or lists after signing out');
    assert.deepEqual(otherErrors, [], 'the other tab stayed clean');
    const stored = await other.evaluate(() => JSON.stringify({ ...sessionStorage }));
    assert.equal(stored, '{}', 'nothing left in the other tab\'s sessionStorage');
    assert.deepEqual(await remembered(), [], 'the rooms this account visited are forgotten on this device');
  },
  { allowConsole: [HTTP_401] },
);

e2e.test(
  'time-outs: an answer that never starts, and one that stalls mid-body, both end in words',
  async ({ browser, baseURL }) => {
    // Time is faked in the page (page.clock), which does not reach workers: the list is loaded
    // in-thread here, as it is wherever Worker is missing (load-recordings.ts).
    const stall = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.write('{"status":true,"obj":[{"_id":"rec-1","class_id":"demo-school::room-1","status":"SENT"},');
    });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    const stallUrl = `http://127.0.0.1:${(stall.address() as AddressInfo).port}/stall`;
    try {
      for (const [label, phrase, handle] of [
        ['no headers', 'did not answer in time', () => undefined],
        ['stalls mid-body', 'stopped sending data part-way through', (route: { continue(options: { url: string }): Promise<void> }) => route.continue({ url: stallUrl })],
      ] as const) {
        await step(label, async () => {
          const page = await newPage(browser, baseURL);
          try {
            await page.context().addInitScript(() => {
              (window as unknown as { Worker: unknown }).Worker = undefined;
            });
            await page.clock.install();
            await signInQuietly(page);
            let requests = 0;
            await page.route('**/api/videos', (route) => {
              requests += 1;
              return handle(route) ?? new Promise<void>(() => undefined);
            });
            await page.goto('/');
            await listHeading(page).waitFor();
            const alert = page.getByRole('alert').filter({ hasText: phrase });
            for (let tick = 0; tick < 12 && !(await alert.count()); tick += 1) {
              await page.clock.fastForward(31_000);
              await page.waitForTimeout(300);
            }
            await alert.first().waitFor({ timeout: 5_000 });
            assert.ok(await alert.first().getByRole('button', { name: 'Try again' }).count(), 'a Try again button');
            assert.equal(requests, 4, 'the first try and three retries');
            await noSpinner(page, label);
            assertClean(page, { allowConsole: ARRANGED_FAILURES });
          } finally {
            await page.context().close();
          }
        });
      }
    } finally {
      stall.closeAllConnections();
      await new Promise<void>((resolve) => stall.close(() => resolve()));
    }
  },
  { timeout: 120_000 },
);

e2e.test(
  'the key stops working mid-session: login screen with a message, then back where the user was',
  async ({ page }) => {
    await signInQuietly(page);
    await page.goto('/rooms/room-101?status=SENT');
    await waitForRows(page, 1);
    await page.route('**/api/videos', (route) =>
      route.fulfill({ status: 401, contentType: 'application/json', body: '{"status":false,"message":"Your session has ended. Please sign in again."}' }),
    );
    await page.getByRole('button', { name: /Refresh/ }).click();
    await loginHeading(page).waitFor();
    await page.getByText('Your session ended; sign in again.').waitFor();
    await page.unroute('**/api/videos');
    await submitLogin(page, SCHOOL);
    await waitFor(() => pathname(page) === '/rooms/room-101' && new URL(page.url()).searchParams.get('status') === 'SENT', {
      message: () => `back at /rooms/room-101?status=SENT, at ${page.url()}`,
    });
    await waitForRows(page, 1);
  },
  { allowConsole: ARRANGED_FAILURES },
);

e2e.test(
  'hostile links from the API are never rendered as links, images or video sources',
  async ({ page }) => {
    await signInQuietly(page);
    const unsafe = corpusCases().find((item) => item.id === 'unsafe-links')!;
    await page.route('**/api/videos', (route) => route.fulfill({ status: 200, headers: corpusHeaders(unsafe), body: corpusBody(unsafe) }));
    page.on('dialog', (dialog) => {
      throw new Error(`a dialog opened: ${dialog.message()}`);
    });
    const check = async (where: string) => {
      const bad = await page.evaluate(() => {
        const found: string[] = [];
        for (const element of document.querySelectorAll('[href], [src], [poster], [srcset]')) {
          for (const name of ['href', 'src', 'poster', 'srcset']) {
            const value = element.getAttribute(name);
            if (value !== null && !/^(https?:|\/|#|blob:)/i.test(value.trim())) found.push(`${element.tagName} ${name}=${value}`);
            if (value !== null && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`${element.tagName} ${name}=${value}`);
          }
        }
        return found;
      });
      assert.deepEqual(bad, [], where);
    };
    await page.goto('/');
    await waitForRows(page, 2);
    await check('the list');
    await page.goto('/recordings/rec-1');
    await page.getByText('Not used: not an http(s) link').first().waitFor();
    await page.waitForTimeout(1_000);
    await check('the recording page');
    assert.equal(await page.locator('video source[src^="javascript" i], video[src^="data" i], video source[src^="data" i]').count(), 0);
  },
  // The safe links of the other record point at media.example, which does not resolve here.
  { allowConsole: ARRANGED_FAILURES },
);

e2e.test(
  'the auth key is never in a URL, the history, storage, a readable cookie or the page after sign-in',
  async ({ page, context }) => {
    const seen: { url: string; body: string | null }[] = [];
    page.on('request', (request) => seen.push({ url: request.url(), body: request.postData() }));
    await page.goto('/rooms/room-101');
    await submitLogin(page, { clientId: SCHOOL.clientId, authKey: `${SCHOOL.authKey}-typo` });
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Auth key').fill(SCHOOL.authKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await waitForRows(page, 1);
    await page.goto('/');
    await waitForRows(page, 1);

    const forms = [SCHOOL.authKey, encodeURIComponent(SCHOOL.authKey), Buffer.from(SCHOOL.authKey).toString('base64')];
    const visited: string[] = [page.url()];
    // Walk the whole history back and forth: no entry holds the key.
    for (let step = 0; step < 4; step += 1) {
      await page.goBack().catch(() => null);
      visited.push(page.url());
    }
    for (let step = 0; step < 4; step += 1) {
      await page.goForward().catch(() => null);
      visited.push(page.url());
    }
    const inPage = await page.evaluate(() => ({
      storage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      cookie: document.cookie,
      html: document.documentElement.outerHTML,
      resources: performance.getEntries().map((entry) => entry.name).join('\n'),
      historyLength: history.length,
      keyField: (document.querySelector('input[name="auth_key"]') as HTMLInputElement | null)?.value ?? '',
    }));
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'rd_session');
    assert.ok(session, 'a session cookie');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Strict');
    assert.equal(inPage.cookie.includes('rd_session'), false, 'page script cannot read the session cookie');
    assert.equal(inPage.keyField, '', 'no login form holds the key after going back');
    for (const form of forms) {
      for (const url of [...visited, ...seen.map((item) => item.url)]) assert.ok(!url.includes(form), `a URL holds the key: ${url}`);
      assert.ok(!inPage.storage.includes(form), 'storage holds the key');
      assert.ok(!inPage.html.includes(form), 'the page holds the key');
      assert.ok(!inPage.resources.includes(form), 'a resource entry holds the key');
      assert.ok(!session.value.includes(form), 'the cookie holds the key in a readable form');
    }
    const withKey = seen.filter((item) => item.body?.includes(SCHOOL.authKey));
    assert.deepEqual(
      withKey.map((item) => new URL(item.url).pathname),
      ['/api/session', '/api/session'],
      'the key (and the typo) left the page only in the two sign-in request bodies',
    );
  },
  { allowConsole: [HTTP_401] },
);
