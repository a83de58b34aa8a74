/**
 * What a browser can check about the dashboard's security promises: a strict CSP on everything
 * the server sends and no violation of it while the product is used (player included), and an
 * auth key that, once traded for the HttpOnly session cookie, is nowhere the page can reach.
 * Checklist ids (E-…) refer to /work/shared/research/reliability-security.md §5.5.
 */
import assert from 'node:assert/strict';
import type { Page, Request, Response } from 'playwright-core';
import {
  columnTexts,
  filterOption,
  listHeading,
  loginHeading,
  openFilter,
  rows,
  setOption,
  signIn,
  submitLogin,
  waitForMetadata,
  waitForPlaybackProgress,
  waitForRows,
  waitForUrl,
  statusTexts,
} from './dashboard.ts';
import { HTTP_401, HTTP_404, pageLog, SCHOOL, step, browserSuite, waitFor } from './harness.ts';

const e2e = browserSuite();

function parseCsp(header: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** Signed in: list, a filter, a recording played for a second, a room, an unknown page. */
async function tour(page: Page): Promise<void> {
  await step('sign in', () => signIn(page, SCHOOL));
  await step('filter', async () => {
    await setOption(filterOption(await openFilter(page, 'Status'), 'Sent'), true);
    await waitForUrl(page, (url) => url.searchParams.get('status') === 'SENT', 'status=SENT');
    await waitFor(async () => (await statusTexts(page)).every((s) => s === 'Sent'), { message: 'only Sent rows' });
  });
  await step('play a recording', async () => {
    const [created] = await columnTexts(page, 'Created');
    await rows(page).first().getByRole('link', { name: created! }).click();
    await waitForMetadata(page);
    await page.getByRole('button', { name: 'Play Video' }).click();
    await waitForPlaybackProgress(page, 1);
  });
  await step('a room', async () => {
    const room = await page.getByRole('link', { name: /^All of room / }).innerText();
    await page.getByRole('link', { name: /^All of room / }).click();
    await page.getByRole('heading', { level: 1, name: `Room ${room.replace(/^All of room /, '')}` }).waitFor();
    await waitForRows(page, 1);
  });
  await step('an unknown page', async () => {
    await page.goto('/no/such/page');
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
  });
}

e2e.test(
  'every response carries a CSP with script-src \'self\' only, and nothing violates it (E-CSP-01, E-HDR-01)',
  async ({ page, baseURL }) => {
    const responses: Response[] = [];
    page.on('response', (response) => {
      if (response.url().startsWith(baseURL)) responses.push(response);
    });
    await page.goto('/login');
    await loginHeading(page).waitFor();
    await tour(page);

    const documents = responses.filter((response) => response.request().resourceType() === 'document');
    assert.ok(documents.length >= 2, `several page loads were checked (${documents.length})`);
    const problems: string[] = [];
    for (const response of responses) {
      const where = `${response.status()} ${response.url().slice(baseURL.length)}`;
      const header = await response.headerValue('content-security-policy');
      if (!header) {
        problems.push(`${where}: no Content-Security-Policy`);
        continue;
      }
      const csp = parseCsp(header);
      if (/'unsafe-eval'/.test(header)) problems.push(`${where}: 'unsafe-eval' in ${header}`);
      if (JSON.stringify(csp.get('script-src')) !== JSON.stringify(["'self'"])) {
        problems.push(`${where}: script-src is "${csp.get('script-src')?.join(' ')}", not just 'self'`);
      }
      if (JSON.stringify(csp.get('object-src')) !== JSON.stringify(["'none'"])) problems.push(`${where}: object-src is not 'none'`);
      if (JSON.stringify(csp.get('frame-ancestors')) !== JSON.stringify(["'none'"])) problems.push(`${where}: frame-ancestors is not 'none'`);
      if ((await response.headerValue('x-content-type-options')) !== 'nosniff') problems.push(`${where}: no nosniff`);
    }
    for (const response of documents) {
      const where = response.url().slice(baseURL.length);
      if (!(await response.headerValue('referrer-policy'))) problems.push(`${where}: no Referrer-Policy`);
      if ((await response.headerValue('cross-origin-opener-policy')) !== 'same-origin') problems.push(`${where}: no COOP same-origin`);
    }
    assert.deepEqual(problems, [], `responses checked: ${responses.length}`);
    // No CSP violation during any of it: assertClean() runs when the test body returns.
  },
  { allowConsole: [HTTP_401] },
);

e2e.test(
  'the CSP violation detector catches a violation (so "none seen" means something)',
  async ({ page }) => {
    await page.goto('/login');
    await loginHeading(page).waitFor();
    // What injected markup would try: an inline script. The policy must refuse it.
    const ran = await page.evaluate(`(() => {
      window.__inlineRan = false;
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.appendChild(script);
      return window.__inlineRan;
    })()`);
    assert.equal(ran, false, 'an inline script ran');
    const log = pageLog(page);
    await waitFor(() => log.cspViolations.some((v) => v.directive === 'script-src-elem' || v.directive === 'script-src'), {
      message: () => `a script-src violation to be reported; saw ${JSON.stringify(log.cspViolations)}`,
    });
    assert.ok(log.consoleErrors.some((text) => /Content Security Policy/.test(text)), 'Chromium reports it on the console too');
    // Expected here, so they must not fail the test.
    log.cspViolations.length = 0;
    log.consoleErrors.splice(0, log.consoleErrors.length, ...log.consoleErrors.filter((text) => !/Content Security Policy/.test(text)));
  },
  { allowConsole: [HTTP_401] },
);

e2e.test(
  'the auth key is nowhere the page can reach after sign-in (E-ST-01, E-ST-02)',
  async ({ page, context }) => {
    const key = SCHOOL.authKey;
    const requests: Request[] = [];
    const consoleTexts: string[] = [];
    page.on('request', (request) => requests.push(request));
    page.on('console', (message) => consoleTexts.push(message.text()));
    let signInAnswer = '';
    page.on('response', async (response) => {
      if (response.url().endsWith('/api/session') && response.request().method() === 'POST') {
        signInAnswer = await response.text().catch(() => '(unreadable)');
      }
    });

    await page.goto('/login');
    await tour(page);
    await page.goto('/');
    await waitForRows(page, 1);

    await step('URLs and headers of every request', async () => {
      const leaks: string[] = [];
      for (const request of requests) {
        const url = request.url();
        if (url.includes(key) || decodeURIComponent(url).includes(key)) leaks.push(`URL ${url}`);
        for (const [name, value] of Object.entries(await request.allHeaders())) {
          if (value.includes(key)) leaks.push(`header ${name} of ${url}`);
        }
        const body = request.postData() ?? '';
        const isSignIn = url.endsWith('/api/session') && request.method() === 'POST';
        if (body.includes(key) && !isSignIn) leaks.push(`body of ${request.method()} ${url}`);
      }
      assert.ok(requests.some((r) => r.url().endsWith('/api/videos')), 'the list was loaded through the session API');
      assert.ok(requests.some((r) => /\/media\/.+\.mp4$/.test(r.url())), 'a video was fetched');
      assert.deepEqual(leaks, []);
      assert.ok(signInAnswer !== '', 'the sign-in answer was read');
      assert.ok(!signInAnswer.includes(key), `the sign-in answer echoes the key: ${signInAnswer}`);
    });

    await step('storage, cookies, IndexedDB, Cache Storage', async () => {
      const dump = (await page.evaluate(`(async () => {
        const out = { local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), cookie: document.cookie, idb: [], caches: [] };
        for (const info of (await indexedDB.databases?.()) ?? []) {
          const db = await new Promise((resolve, reject) => { const r = indexedDB.open(info.name); r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
          for (const name of db.objectStoreNames) {
            const all = await new Promise((resolve) => { const r = db.transaction(name).objectStore(name).getAll(); r.onsuccess = () => resolve(r.result); r.onerror = () => resolve([]); });
            out.idb.push(info.name + '/' + name + ': ' + JSON.stringify(all));
          }
          db.close();
        }
        for (const name of await caches.keys()) out.caches.push(name);
        return out;
      })()`)) as { local: string; session: string; cookie: string; idb: string[]; caches: string[] };
      assert.ok(!dump.local.includes(key), `localStorage: ${dump.local}`);
      assert.ok(!dump.session.includes(key), `sessionStorage: ${dump.session}`);
      assert.ok(!dump.cookie.includes('rd_session'), `document.cookie shows the session cookie: ${dump.cookie}`);
      assert.ok(!dump.cookie.includes(key), 'document.cookie holds the key');
      assert.ok(!dump.idb.some((entry) => entry.includes(key)), `IndexedDB: ${dump.idb.join('\n')}`);
      assert.deepEqual(dump.caches, [], 'Cache Storage is unused');

      const cookies = await context.cookies();
      const session = cookies.find((cookie) => cookie.name === 'rd_session');
      assert.ok(session, `a session cookie exists: ${cookies.map((c) => c.name).join(', ')}`);
      assert.equal(session.httpOnly, true, 'rd_session is HttpOnly');
      assert.equal(session.sameSite, 'Strict');
      assert.ok(!session.value.includes(key) && !Buffer.from(session.value, 'base64url').toString('latin1').includes(key), 'the cookie is sealed');
      for (const cookie of cookies) assert.ok(!cookie.value.includes(key), `cookie ${cookie.name} holds the key`);
    });

    await step('the page itself and the console', async () => {
      assert.ok(!(await page.content()).includes(key), 'the HTML contains the key');
      const inputs = await page.locator('input').evaluateAll((els) => els.map((el) => (el as HTMLInputElement).value));
      assert.ok(!inputs.includes(key), 'an input still holds the key');
      assert.ok(!consoleTexts.some((text) => text.includes(key)), 'the console printed the key');
    });
  },
  { allowConsole: [HTTP_401, HTTP_404] },
);

e2e.test(
  'after sign-out the session is gone and Back shows no recordings (E-LO-01, E-LO-02)',
  async ({ page, context }) => {
    await signIn(page, SCHOOL);
    const [created] = await columnTexts(page, 'Created');
    await rows(page).first().getByRole('link', { name: created! }).click();
    await waitForMetadata(page);

    const mediaAfterSignOut: string[] = [];
    let signedOut = false;
    page.on('request', (request) => {
      if (signedOut && /\/(media|api\/videos)\b/.test(request.url())) mediaAfterSignOut.push(request.url());
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await loginHeading(page).waitFor();
    signedOut = true;

    const cookies = await context.cookies();
    assert.equal(cookies.find((cookie) => cookie.name === 'rd_session'), undefined, 'the session cookie is cleared');
    const check = await page.request.get('/api/session');
    assert.equal(check.status(), 401, 'the server no longer knows this browser');

    await page.goBack();
    await loginHeading(page).waitFor();
    assert.equal(await rows(page).count(), 0);
    assert.equal(await listHeading(page).count(), 0);
    assert.equal(await page.getByTestId('video-player').count(), 0, 'no player after sign-out');
    assert.deepEqual(mediaAfterSignOut, [], 'media or list requests after sign-out');

    // Signing in again works from here, as a fresh session.
    await submitLogin(page, SCHOOL);
    await waitForRows(page, 1);
  },
  { allowConsole: [HTTP_401] },
);
