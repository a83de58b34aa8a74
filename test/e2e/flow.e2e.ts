/**
 * The product's main path, as one person walks it: sign in (after a typo), filter the list,
 * open a recording, play and seek it, go back to the same filtered list, sign out.
 */
import assert from 'node:assert/strict';
import type { Response } from 'playwright-core';
import {
  columnTexts,
  filterOption,
  listHeading,
  loginHeading,
  openFilter,
  pathname,
  player,
  rows,
  searchParams,
  seekTo,
  setOption,
  signIn,
  submitLogin,
  videoState,
  waitForMetadata,
  waitForPlaybackProgress,
  waitForRows,
  waitForSummary,
  waitForUrl,
  statusTexts,
} from './dashboard.ts';
import { browserSuite, checkA11y, HTTP_401, SCHOOL, SCHOOL_RECORDINGS, step, waitFor } from './harness.ts';

const e2e = browserSuite();

e2e.test(
  'sign in, filter, play and seek a recording, go back, sign out',
  async ({ page }) => {
    await step('signed out: / leads to the login screen', async () => {
      await page.goto('/');
      await loginHeading(page).waitFor();
      assert.equal(pathname(page), '/login');
      await checkA11y(page, 'the login page');
    });

    await step('a wrong key is refused and the form keeps the client ID', async () => {
      await submitLogin(page, { clientId: SCHOOL.clientId, authKey: 'not-the-key' });
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match(await alert.innerText(), /That client ID and auth key do not match/);
      assert.equal(await page.getByRole('textbox', { name: 'Client ID' }).inputValue(), SCHOOL.clientId);
      assert.equal(pathname(page), '/login');
      await checkA11y(page, 'the login page with its error');
    });

    await step('the right key opens the list', async () => {
      await page.getByLabel('Auth key').fill(SCHOOL.authKey);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await listHeading(page).waitFor();
      assert.equal(pathname(page), '/');
      await page.getByRole('region', { name: 'All recordings' }).getByRole('table').waitFor();
      assert.ok((await waitForRows(page, 10)) >= 10);
      const all = await waitForSummary(page, (s) => !s.filtered && s.total === SCHOOL_RECORDINGS, `${SCHOOL_RECORDINGS} recordings`);
      assert.equal(all.shown, SCHOOL_RECORDINGS);
      await checkA11y(page, 'the list');
    });

    const total = SCHOOL_RECORDINGS;
    const windowRows = await rows(page).count();

    await step('"/" jumps to the search box', async () => {
      await page.getByRole('heading', { name: 'All recordings' }).click();
      await page.keyboard.press('/');
      await waitFor(() => page.getByRole('searchbox', { name: 'Search' }).evaluate((el) => el === document.activeElement), {
        message: 'the search box to have focus after pressing /',
      });
      assert.equal(await page.getByRole('searchbox', { name: 'Search' }).inputValue(), '', 'the "/" is not typed into the box');
    });

    let failedCount = 0;
    await step('Status filter "Failed"', async () => {
      const status = await openFilter(page, 'Status');
      await setOption(filterOption(status, 'Failed'), true);
      await waitForUrl(page, (url) => url.searchParams.getAll('status').join() === 'FAILED', 'with status=FAILED');
      const filtered = await waitForSummary(page, (s) => s.filtered && s.shown < total, 'N of M recordings');
      assert.equal(filtered.total, total);
      failedCount = filtered.shown;
      assert.ok(failedCount > 0, 'the demo data has failed recordings');
      let statuses: string[] = [];
      await waitFor(
        async () => {
          statuses = await statusTexts(page);
          return statuses.length > 0 && statuses.every((s) => s === 'Failed');
        },
        { message: () => `every visible row to say Failed; they say ${statuses.join(', ')}` },
      );
      // Virtualized: as many rows as fit (the unfiltered list filled the window), or all of them.
      assert.equal(statuses.length, Math.min(failedCount, windowRows), 'rows rendered for the filtered list');
      // The tally beside the option promised the same number the summary shows.
      assert.match(await filterOption(status, 'Failed').evaluate((el) => el.closest('label')?.textContent ?? ''), new RegExp(`Failed${failedCount}$`));
    });

    let openedRow = { room: '', created: '' };
    await step('Status filter "Sent" instead, then open the first recording', async () => {
      const status = await openFilter(page, 'Status');
      await setOption(filterOption(status, 'Failed'), false);
      await setOption(filterOption(status, 'Sent'), true);
      await waitForUrl(page, (url) => url.searchParams.getAll('status').join() === 'SENT', 'with status=SENT only');
      await waitForSummary(page, (s) => s.filtered && s.shown !== failedCount && s.shown < total, 'the Sent count');
      await waitFor(async () => {
        const statuses = await statusTexts(page);
        return statuses.length > 0 && statuses.every((s) => s === 'Sent');
      }, { message: 'only Sent rows' });
      const [room] = await columnTexts(page, 'Room');
      const [created] = await columnTexts(page, 'Created');
      openedRow = { room: room!, created: created! };
      await rows(page).first().getByRole('link', { name: created! }).click();
    });

    const responses: Response[] = [];
    page.on('response', (response) => {
      if (/\/media\/[^/?]+\.mp4(\?|$)/.test(response.url())) responses.push(response);
    });

    await step('the detail page', async () => {
      const heading = page.getByRole('heading', { level: 1, name: `${openedRow.room} · ${openedRow.created}` });
      await heading.waitFor();
      assert.match(pathname(page), /^\/recordings\/[^/]+$/);
      assert.equal(searchParams(page).get('room'), openedRow.room);
      await page.getByRole('link', { name: '← Back to the list' }).waitFor();
      for (const name of ['Status', 'About this recording', 'Identifiers', 'Files']) {
        await page.getByRole('heading', { level: 2, name }).waitFor();
      }
      const mp4 = await page.getByRole('link', { name: 'Download mp4' }).getAttribute('href');
      assert.match(mp4 ?? '', /\/media\/[^/]+\.mp4$/);
      assert.match((await page.getByRole('link', { name: 'Download webm' }).getAttribute('href')) ?? '', /\.webm$/);
      assert.match((await page.getByRole('link', { name: 'Download thumbnail' }).getAttribute('href')) ?? '', /\.png$/);
      const full = page.getByRole('img', { name: 'Full-size thumbnail', exact: true });
      await waitFor(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), {
        message: 'the full-size thumbnail to load',
      });
      await page.getByRole('img', { name: /^Small thumbnail, 256 by 144/ }).waitFor();
      assert.equal(await page.getByRole('note').count(), 0, 'a processed recording has no "not processed" notice');
      await player(page).locator('.video-js').waitFor();
      const state = await waitForMetadata(page);
      assert.equal(new URL(state.src).pathname, new URL(mp4!, page.url()).pathname, 'the player plays the processed mp4');
    });

    await step('play', async () => {
      await page.getByRole('button', { name: 'Play Video' }).click();
      const progress = await waitForPlaybackProgress(page, 1.5);
      assert.ok(progress.to > progress.from);
    });

    await step('seek to the middle', async () => {
      const { duration } = await videoState(page);
      const at = await seekTo(page, duration / 2);
      assert.ok(Math.abs(at - duration / 2) <= 1, `after seeking to ${duration / 2} the video is at ${at}`);
      // Decoding goes on from the new position.
      await waitFor(async () => (await videoState(page)).currentTime > at + 0.3, { message: 'playback to go on after the seek' });
      const partial = await waitFor(() => responses.find((response) => response.status() === 206), {
        message: () => `a 206 answer for the mp4; saw ${responses.map((r) => `${r.status()} ${r.url()}`).join(', ') || 'nothing'}`,
      });
      const range = await partial.request().headerValue('range');
      assert.match(range ?? '', /^bytes=\d+-\d*$/, 'the browser asked for a byte range');
      assert.match((await partial.headerValue('content-range')) ?? '', /^bytes \d+-\d+\/\d+$/);
      assert.ok(responses.every((response) => response.status() === 206 || response.status() === 200));
    });

    await step('the detail page is accessible while playing', async () => {
      await checkA11y(page, 'the detail page');
    });

    await step('"← Back to the list" returns to the filtered list', async () => {
      await page.getByRole('link', { name: '← Back to the list' }).click();
      await listHeading(page).waitFor();
      await waitForUrl(page, (url) => url.pathname === '/' && url.searchParams.getAll('status').join() === 'SENT', '/?status=SENT');
      await waitForSummary(page, (s) => s.filtered && s.total === total, 'still filtered');
      const status = await openFilter(page, 'Status');
      assert.equal(await filterOption(status, 'Sent').isChecked(), true);
      const statuses = await statusTexts(page);
      assert.ok(statuses.length > 0 && statuses.every((s) => s === 'Sent'), `only Sent rows: ${statuses.join(', ')}`);
    });

    await step('sign out', async () => {
      await page.getByRole('button', { name: 'Sign out' }).click();
      await loginHeading(page).waitFor();
      assert.equal(pathname(page), '/login');
      assert.equal(await rows(page).count(), 0);
      await page.goto('/');
      await loginHeading(page).waitFor();
      assert.equal(pathname(page), '/login');
      assert.equal(await rows(page).count(), 0);
      assert.equal(await listHeading(page).count(), 0);
    });
  },
  // The session check on a signed-out visit and the wrong key both answer 401.
  { allowConsole: [HTTP_401] },
);

e2e.test(
  'a recording that is not processed yet plays its raw webm, with a notice',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const status = await openFilter(page, 'Status');
    await setOption(filterOption(status, 'Processing'), true);
    await waitForUrl(page, (url) => url.searchParams.getAll('status').join() === 'PROCESSING', 'with status=PROCESSING');
    await waitFor(async () => {
      const statuses = await statusTexts(page);
      return statuses.length > 0 && statuses.every((s) => s === 'Processing');
    }, { message: 'only Processing rows' });
    const [created] = await columnTexts(page, 'Created');
    await rows(page).first().getByRole('link', { name: created! }).click();

    const note = page.getByRole('note');
    await note.waitFor();
    assert.match(await note.innerText(), /not processed yet.*raw recording \(webm\) is playing/s);
    assert.equal(await page.getByRole('link', { name: 'Download mp4' }).count(), 0);
    const state = await waitForMetadata(page);
    assert.match(state.src, /\.webm$/);
    await page.getByRole('button', { name: 'Play Video' }).click();
    await waitForPlaybackProgress(page, 1);
    await checkA11y(page, 'the detail page of an unprocessed recording');
  },
  { allowConsole: [HTTP_401] },
);

e2e.test(
  'arrow keys pressed faster than the screen redraws each move one row, and Enter opens the row reached',
  async ({ page }) => {
  await signIn(page, SCHOOL);
  await waitForRows(page, 15);
  const focusedRow = () => page.evaluate(() => Number(document.activeElement?.closest('tr')?.getAttribute('aria-rowindex')));
  await rows(page).first().locator('.cell-link--primary').focus();
  assert.equal(await focusedRow(), 2, 'the first row (after the header row) has focus');
  // No pause between presses: faster than frames, as a held key on a fast repeat or a scripted user.
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('ArrowDown');
  await waitFor(async () => (await focusedRow()) === 14, { message: async () => `focus on row 14, it is on row ${await focusedRow()}` });
  const href = await page.evaluate(() => (document.activeElement as HTMLAnchorElement).getAttribute('href'));
  await page.keyboard.press('Enter');
  await waitFor(() => new URL(page.url()).pathname + new URL(page.url()).search === href, { message: `the recording the focused row links to (${href}) to open` });
  },
  { allowConsole: [HTTP_401] },
);

e2e.test(
  'Back from a recording, and a reload, come back to the rows the list was scrolled to',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    await waitForRows(page, 15);
    const table = page.locator('.table-scroll');
    await table.evaluate((el) => (el.scrollTop = 56 * 120));
    const firstShown = () =>
      page.evaluate(() => {
        const box = document.querySelector('.table-scroll')!.getBoundingClientRect();
        const row = [...document.querySelectorAll('tbody tr')].find((tr) => tr.getBoundingClientRect().top >= box.top + 30);
        return row?.querySelector('.cell-link--primary')?.getAttribute('href') ?? null;
      });
    await waitFor(async () => (await firstShown()) !== null, { message: 'rows drawn where the list was scrolled to' });
    await page.waitForTimeout(300);
    const before = await firstShown();
    await page.locator(`a[href="${before}"]`).click();
    await waitFor(() => new URL(page.url()).pathname.startsWith('/recordings/'), { message: 'the recording to open' });
    await page.goBack();
    await waitFor(async () => (await firstShown()) === before, { message: async () => `the same rows after Back (${before}, shows ${await firstShown()})` });
    await page.reload();
    await waitFor(async () => (await firstShown()) === before, { message: async () => `the same rows after a reload (${before}, shows ${await firstShown()})` });
  },
  { allowConsole: [HTTP_401] },
);
