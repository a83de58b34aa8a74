/**
 * Every view has an address: reloading it, sharing it, or stepping back and forward through it
 * shows the same thing. Runs against the built app, so the server's SPA fallback is part of it.
 */
import assert from 'node:assert/strict';
import {
  columnHeader,
  columnTexts,
  filterOption,
  filtersInUrl,
  listHeading,
  loginHeading,
  openFilter,
  pathname,
  readSummary,
  rows,
  setOption,
  signIn,
  submitLogin,
  waitForRows,
  waitForSummary,
  waitForUrl,
  statusTexts,
} from './dashboard.ts';
import { assertClean, browserSuite, HTTP_401, newPage, SCHOOL, SCHOOL_RECORDINGS, waitFor } from './harness.ts';

const e2e = browserSuite();
const options = { allowConsole: [HTTP_401] };

e2e.test(
  'reloading a recording page keeps the recording on screen',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [room] = await columnTexts(page, 'Room');
    const [created] = await columnTexts(page, 'Created');
    await rows(page).first().getByRole('link', { name: created! }).click();
    const heading = page.getByRole('heading', { level: 1, name: `${room} · ${created}` });
    await heading.waitFor();
    const address = page.url();

    const response = await page.reload();
    assert.equal(response?.status(), 200, 'the server answers a deep link with the app');
    await heading.waitFor();
    assert.equal(page.url(), address);
    await page.getByRole('heading', { level: 2, name: 'About this recording' }).waitFor();
    await page.getByTestId('video-player').locator('.video-js').waitFor();
  },
  options,
);

e2e.test(
  'a recording link opened while signed out comes back to that recording after sign-in',
  async ({ page, browser, baseURL }) => {
    // Find a real recording address in one session, open it in a fresh one.
    await signIn(page, SCHOOL);
    const [room] = await columnTexts(page, 'Room');
    const [created] = await columnTexts(page, 'Created');
    const href = await rows(page).first().getByRole('link', { name: created! }).getAttribute('href');
    assert.ok(href);

    const other = await newPage(browser, baseURL);
    try {
      await other.goto(href);
      await loginHeading(other).waitFor();
      assert.equal(pathname(other), '/login');
      assert.equal(new URL(other.url()).searchParams.get('next'), href);
      await other.getByRole('status').filter({ hasText: 'Please sign in to continue where you were.' }).waitFor();
      await submitLogin(other, SCHOOL);
      await other.getByRole('heading', { level: 1, name: `${room} · ${created}` }).waitFor();
      assert.equal(`${new URL(other.url()).pathname}${new URL(other.url()).search}`, href);
      assertClean(other, options);
    } finally {
      await other.context().close();
    }
  },
  options,
);

e2e.test(
  'a filtered list address survives a reload',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const total = SCHOOL_RECORDINGS;
    await page.goto('/?status=SENT&mode=portrait');
    await listHeading(page).waitFor();
    await waitForRows(page, 1);

    const check = async () => {
      assert.deepEqual(filtersInUrl(page), { status: ['SENT'], mode: ['portrait'] });
      const summary = await waitForSummary(page, (s) => s.filtered && s.total === total, `N of ${total} recordings`);
      assert.ok(summary.shown > 0 && summary.shown < total);
      let statuses: string[] = [];
      let modes: string[] = [];
      await waitFor(async () => {
        statuses = await statusTexts(page);
        modes = await columnTexts(page, 'Mode');
        return statuses.length > 0 && statuses.every((s) => s === 'Sent') && modes.every((m) => m === 'Portrait');
      }, { message: () => `only Sent + Portrait rows; statuses ${statuses.join()}, modes ${modes.join()}` });
      assert.equal(await filterOption(await openFilter(page, 'Status'), 'Sent').isChecked(), true);
      assert.equal(await filterOption(await openFilter(page, 'Mode'), 'Portrait').isChecked(), true);
      return summary.shown;
    };

    const before = await check();
    await page.reload();
    await listHeading(page).waitFor();
    await waitForRows(page, 1);
    assert.equal(await check(), before);
  },
  options,
);

e2e.test(
  'back and forward step through filter changes',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const total = SCHOOL_RECORDINGS;
    await waitForSummary(page, (s) => !s.filtered && s.total === total, `${total} recordings`);
    const status = await openFilter(page, 'Status');

    await setOption(filterOption(status, 'Failed'), true);
    await waitForUrl(page, (url) => url.searchParams.getAll('status').join() === 'FAILED', 'status=FAILED');
    const failed = (await waitForSummary(page, (s) => s.filtered && s.shown < total, 'Failed only')).shown;

    await setOption(filterOption(status, 'Queued'), true);
    await waitForUrl(page, (url) => url.searchParams.getAll('status').sort().join() === 'FAILED,QUEUED', 'status=FAILED&status=QUEUED');
    const both = (await waitForSummary(page, (s) => s.filtered && s.shown > failed && s.shown < total, 'Failed + Queued')).shown;

    await page.goBack();
    await waitForUrl(page, (url) => url.searchParams.getAll('status').join() === 'FAILED', 'back to status=FAILED');
    await waitForSummary(page, (s) => s.shown === failed, `${failed} of ${total}`);
    await waitFor(async () => (await filterOption(status, 'Queued').isChecked()) === false, { message: 'Queued unchecked again' });
    assert.equal(await filterOption(status, 'Failed').isChecked(), true);

    await page.goBack();
    await waitForUrl(page, (url) => url.pathname === '/' && url.search === '', 'back to /');
    await waitForSummary(page, (s) => !s.filtered && s.shown === total, `all ${total}`);
    await waitFor(async () => (await filterOption(status, 'Failed').isChecked()) === false, { message: 'Failed unchecked again' });

    await page.goForward();
    await waitForUrl(page, (url) => url.searchParams.getAll('status').join() === 'FAILED', 'forward to status=FAILED');
    await waitForSummary(page, (s) => s.shown === failed, `${failed} of ${total}`);

    await page.goForward();
    await waitForUrl(page, (url) => url.searchParams.getAll('status').length === 2, 'forward to both statuses');
    await waitForSummary(page, (s) => s.shown === both, `${both} of ${total}`);
    const statuses = await statusTexts(page);
    assert.ok(statuses.every((s) => s === 'Failed' || s === 'Queued'), statuses.join());
  },
  options,
);

e2e.test(
  'sorting by a column is part of the address',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    assert.equal(await columnHeader(page, 'Created').getAttribute('aria-sort'), 'descending');
    await columnHeader(page, 'Duration').getByRole('button').click();
    await waitForUrl(page, (url) => url.searchParams.get('sort') === 'duration', 'sort=duration');
    await waitFor(async () => (await columnHeader(page, 'Duration').getAttribute('aria-sort')) === 'descending', {
      message: 'Duration sorted descending',
    });
    assert.equal(await columnHeader(page, 'Created').getAttribute('aria-sort'), 'none');

    const seconds = (text: string) => text.split(':').reduce((sum, part) => sum * 60 + Number(part), 0);
    const readDurations = async () => (await columnTexts(page, 'Duration')).map(seconds);
    const durations = await waitFor(async () => {
      const values = await readDurations();
      return values.length > 1 && values.every((value, i) => i === 0 || values[i - 1]! >= value) ? values : null;
    }, { message: 'durations in descending order' });

    await page.reload();
    await waitForRows(page, 1);
    assert.equal(await columnHeader(page, 'Duration').getAttribute('aria-sort'), 'descending');
    assert.deepEqual((await readDurations()).slice(0, 5), durations.slice(0, 5));
  },
  options,
);

e2e.test(
  'a room with a space and an accent has its own page',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    await page.goto(`/rooms/${encodeURIComponent('Salle 12 é')}`);
    await page.getByRole('heading', { level: 1, name: 'Room Salle 12 é' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/rooms/Salle%2012%20%C3%A9');
    await page.getByRole('region', { name: 'Recordings in room Salle 12 é' }).waitFor();
    await waitForRows(page, 1);
    const rooms = await columnTexts(page, 'Room');
    assert.ok(rooms.length > 0);
    assert.deepEqual(new Set(rooms), new Set(['Salle 12 é']));
    const { total } = await readSummary(page);
    assert.ok(total > 0 && total < SCHOOL_RECORDINGS, `a room has some of the school's recordings, not all: ${total}`);

    // The header's room box leads to the same page.
    await page.goto('/');
    await waitForRows(page, 1);
    await page.getByPlaceholder('Go to room…').fill('Salle 12 é');
    await page.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Room Salle 12 é' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/rooms/Salle%2012%20%C3%A9');
    await waitForRows(page, 1);
    await waitForSummary(page, (s) => s.total === total, `${total} recordings in the room`);

    // And so does the room link in the list.
    await page.goto('/');
    await waitForRows(page, 1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('Salle 12');
    await waitForUrl(page, (url) => url.searchParams.get('q') === 'Salle 12', 'q=Salle 12');
    await waitFor(async () => (await columnTexts(page, 'Room')).every((r) => r === 'Salle 12 é'), { message: 'only Salle 12 é rows' });
    await rows(page).first().getByRole('link', { name: 'Salle 12 é' }).click();
    await page.getByRole('heading', { level: 1, name: 'Room Salle 12 é' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/rooms/Salle%2012%20%C3%A9');
    await waitForSummary(page, (s) => s.total === total, `${total} recordings in the room`);
  },
  options,
);

e2e.test(
  'a room that does not exist says it has no recordings',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    await page.goto('/rooms/no-such-room-42');
    await page.getByRole('heading', { level: 1, name: 'Room no-such-room-42' }).waitFor();
    await page.getByRole('heading', { name: 'No recordings yet' }).waitFor();
    assert.equal(await rows(page).count(), 0);
  },
  options,
);

e2e.test(
  'changes made quickly one after another all reach the address: fast typing, a duration then a sort, Back after a search',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const total = SCHOOL_RECORDINGS;
    await waitForSummary(page, (s) => !s.filtered && s.total === total, `${total} recordings`);

    // Typed with no delay between keys, right after the list loaded.
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.click();
    await page.keyboard.type('chemistry', { delay: 0 });
    assert.equal(await search.inputValue(), 'chemistry');
    await waitForUrl(page, (url) => url.searchParams.get('q') === 'chemistry', 'q=chemistry');
    await waitForSummary(page, (s) => s.filtered && s.shown > 0 && s.shown < total, 'the chemistry rows');
    await page.keyboard.press('Escape');
    await search.fill('');
    await waitForUrl(page, (url) => !url.searchParams.has('q'), 'no q');

    // A minimum typed, then at once (no Tab, no Enter, no pause) a header clicked: the click lands
    // on the header, and the minimum is applied as well.
    await page.getByRole('spinbutton', { name: 'Shortest duration, minutes' }).fill('60');
    await columnHeader(page, 'Duration').getByRole('button').click();
    const url = await waitForUrl(page, (u) => u.searchParams.get('sort') === 'duration' && u.searchParams.get('dmin') === '60', 'sort=duration and dmin=60');
    assert.equal(await columnHeader(page, 'Duration').getAttribute('aria-sort'), 'descending', url.search);
    await page.getByRole('button', { name: 'Remove filter Duration at least 60 min' }).waitFor();
    const longest = await columnTexts(page, 'Duration');
    assert.ok(longest.length > 0 && longest.every((d) => /^\d+:\d\d:\d\d$/.test(d) && Number(d.split(':')[0]) >= 1), longest.join());

    // Grid, then a search: Back undoes the search alone and keeps the grid.
    await page.getByRole('button', { name: 'Grid' }).click();
    await waitForUrl(page, (u) => u.searchParams.get('view') === 'grid', 'view=grid');
    await search.click();
    await page.keyboard.type('lab', { delay: 0 });
    await waitForUrl(page, (u) => u.searchParams.get('q') === 'lab', 'q=lab');
    await page.goBack();
    const back = await waitForUrl(page, (u) => !u.searchParams.has('q'), 'back to no search');
    assert.equal(back.searchParams.get('view'), 'grid', `still the grid: ${back.search}`);
    assert.equal(back.searchParams.get('dmin'), '60', `still the minimum: ${back.search}`);
    await waitFor(async () => (await search.inputValue()) === '', { message: async () => `the search box to be empty again, it says "${await search.inputValue()}"` });
  },
  options,
);

e2e.test(
  'opening a recording from the keyboard keeps focus on the page: the next Tab goes on inside it, not back to the top',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [created] = await columnTexts(page, 'Created');
    await rows(page).first().getByRole('link', { name: created! }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: new RegExp(` · ${created}$`) }).waitFor();
    await waitFor(() => page.evaluate(() => document.activeElement?.id === 'main'), { message: 'focus on the main region' });
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => ({
      inMain: document.getElementById('main')?.contains(document.activeElement) ?? false,
      text: document.activeElement?.textContent?.trim() ?? '',
    }));
    assert.ok(next.inMain, `Tab from the new page went to "${next.text}", outside the page`);
  },
  options,
);
