/**
 * Rooms, as an admin uses them: the overview of every room, a room's page with its figures, a
 * recording and back; the activity chart (a cell opens that day's recordings, arrow keys move in
 * it); and room ids that are not plain words surviving the address bar and a reload.
 */
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { columnTexts, pathname, readSummary, rows, signIn, waitForRows, waitForSummary, waitForUrl } from './dashboard.ts';
import { browserSuite, checkA11y, HTTP_401, SCHOOL, SCHOOL_RECORDINGS, step, waitFor } from './harness.ts';

const e2e = browserSuite();
const options = { allowConsole: [HTTP_401] };
const SALLE = 'Salle 12 é';
const SALLE_PATH = '/rooms/Salle%2012%20%C3%A9';

function roomsTable(page: Page): Locator {
  return page.getByRole('table', { name: /^Rooms, sorted by/ });
}

function chart(page: Page): Locator {
  return page.getByRole('table', { name: /^Recordings per room and day/ });
}

/** A room's row in a table, found by its row header (the room's name, exactly). */
function roomRow(table: Locator, roomId: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: roomId, exact: true }) });
}

/** The value of one of the room header's figures ("Recordings" → "21"). */
async function figure(page: Page, label: string): Promise<string> {
  return page.evaluate((name) => {
    const term = [...document.querySelectorAll('dt')].find((dt) => dt.textContent === name);
    if (!term) throw new Error(`no figure "${name}"`);
    return term.nextElementSibling?.textContent ?? '';
  }, label);
}

/** Waits for the overview to have loaded the whole account, and returns its summary line. */
async function openOverview(page: Page): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rooms' }).click();
  await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
  const line = page.getByRole('status').filter({ hasText: / rooms? · / });
  return waitFor(
    async () => {
      const text = (await line.innerText()).trim();
      return text.includes(`${SCHOOL_RECORDINGS} recordings`) && !text.includes('loading') ? text : null;
    },
    { message: 'the rooms summary for the whole account' },
  );
}

e2e.test(
  'from the rooms overview to a room, a recording, and back',
  async ({ page }) => {
    await signIn(page, SCHOOL);

    let salleCount = 0;
    await step('the overview lists every room with its figures', async () => {
      const line = await openOverview(page);
      assert.match(line, /^13 rooms · 320 recordings · [\d.,]+ h in total · \d+ needs? attention/);
      const names = await roomsTable(page).getByRole('rowheader').allInnerTexts();
      assert.equal(names.length, 13);
      assert.ok(names.includes(SALLE), `Salle 12 é among ${names.join(', ')}`);
      const cells = await roomRow(roomsTable(page), SALLE).getByRole('cell').allInnerTexts();
      salleCount = Number(cells[0]);
      assert.ok(salleCount > 0 && salleCount < SCHOOL_RECORDINGS, `a room holds some recordings: ${cells.join(' | ')}`);
      await checkA11y(page, 'the rooms overview');
    });

    await step('sorting by "Needs attention" puts the most stuck room first', async () => {
      await roomsTable(page).getByRole('button', { name: /^Needs attention/ }).click();
      await waitForUrl(page, (url) => url.searchParams.get('sort') === 'attention', 'sort=attention');
      const counts = await waitFor(async () => {
        const texts = await roomsTable(page).locator('tbody tr td:last-child').allInnerTexts();
        const numbers = texts.map((text) => Number(text.replace(/\D/g, '')));
        return numbers.every((n, i) => i === 0 || numbers[i - 1]! >= n) ? numbers : null;
      }, { message: 'the rooms in decreasing needs-attention order' });
      assert.ok(counts[0]! > 0, 'the demo has rooms needing attention');
    });

    await step('a room opens its page, loaded with room_id', async () => {
      const requests: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/videos')) requests.push(request.postData() ?? '');
      });
      await roomRow(roomsTable(page), SALLE).getByRole('link', { name: SALLE, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: `Room ${SALLE}` }).waitFor();
      assert.equal(new URL(page.url()).pathname, SALLE_PATH);
      await page.getByRole('heading', { name: 'This room at a glance' }).waitFor({ state: 'attached' });
      await waitForRows(page, 1);
      assert.equal((await readSummary(page)).total, salleCount);
      assert.equal(await figure(page, 'Recordings'), String(salleCount));
      assert.match(await figure(page, 'Recorded'), /^[\d.,]+ h$/);
      assert.deepEqual(new Set(await columnTexts(page, 'Room')), new Set([SALLE]));
      assert.ok(requests.some((body) => JSON.parse(body).room_id === SALLE), `a request with room_id: ${requests.join(' ; ')}`);
      await checkA11y(page, 'a room page');
    });

    let created = '';
    await step('a recording of the room, then back to the room', async () => {
      created = (await columnTexts(page, 'Created'))[0] ?? '';
      assert.ok(created, 'the room lists a recording');
      await rows(page).first().getByRole('link', { name: created }).click();
      await page.getByRole('heading', { level: 1, name: `${SALLE} · ${created}` }).waitFor();
      assert.equal(new URL(page.url()).searchParams.get('room'), SALLE);

      await page.goBack();
      await page.getByRole('heading', { level: 1, name: `Room ${SALLE}` }).waitFor();
      assert.equal(new URL(page.url()).pathname, SALLE_PATH);
      await waitForRows(page, 1);
      assert.equal((await columnTexts(page, 'Created'))[0], created);

      // The page's own way back leads to the same room.
      await rows(page).first().getByRole('link', { name: created }).click();
      await page.getByRole('heading', { level: 1, name: `${SALLE} · ${created}` }).waitFor();
      await page.getByRole('link', { name: '← Back to the list' }).click();
      await page.getByRole('heading', { level: 1, name: `Room ${SALLE}` }).waitFor();
      assert.equal(new URL(page.url()).pathname, SALLE_PATH);
    });

    await step('the breadcrumb goes back to the overview, as it was left', async () => {
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Rooms' }).click();
      await page.getByRole('heading', { level: 1, name: 'Rooms' }).waitFor();
      await roomRow(roomsTable(page), SALLE).waitFor();
    });
  },
  options,
);

e2e.test(
  'the activity chart: words as well as shades, a cell opens that day’s recordings, arrow keys move',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    await openOverview(page);

    await step('90 days, rooms down and days across', async () => {
      await page.getByRole('button', { name: '90 days' }).click();
      await waitForUrl(page, (url) => url.searchParams.get('days') === '90', 'days=90');
      await waitFor(async () => (await chart(page).getByRole('columnheader').count()) === 1 + 90, { message: '90 day columns' });
      // The chart fills in a few rows per frame, top first: every room is there once it is done.
      await waitFor(async () => (await chart(page).locator('tbody tr').count()) === 13 && (await chart(page).getAttribute('aria-busy')) === null, {
        message: 'all 13 rooms drawn',
      });
      // Not colour alone: a legend in words, and the gaps marked.
      await page.getByText('weekday with no recordings (gap)').waitFor();
      assert.ok((await chart(page).getByRole('cell', { name: 'No recordings (gap)' }).count()) > 0, 'some gaps in the demo data');
      await checkA11y(page, 'the rooms overview with a 90-day chart');
    });

    await step('a cell opens the room’s recordings of that day', async () => {
      const cell = roomRow(chart(page), SALLE)
        .getByRole('link', { name: /^\d+ recordings?, \d+ minutes$/ })
        .last();
      const name = (await cell.getAttribute('aria-label')) ?? '';
      const count = Number(/^(\d+)/.exec(name)![1]);
      const day = /· (.+):/.exec((await cell.getAttribute('title')) ?? '')![1]!;
      await cell.click();
      const url = await waitForUrl(page, (u) => u.pathname === SALLE_PATH && u.searchParams.get('created') === 'custom', 'a room page for one day');
      assert.equal(url.searchParams.get('from'), url.searchParams.get('to'));
      await page.getByRole('heading', { level: 1, name: `Room ${SALLE}` }).waitFor();
      const summary = await waitForSummary(page, (s) => s.filtered && s.shown === count, `${count} recordings that day (${day})`);
      assert.equal(summary.shown, count);
      const dates = (await columnTexts(page, 'Created')).map((text) => text.replace(/, \d+:\d+ [AP]M$/, ''));
      assert.equal(dates.length, count);
      assert.equal(new Set(dates).size, 1, `one day: ${dates.join(', ')}`);
      await page.goBack();
      await chart(page).waitFor();
    });

    await step('the keyboard moves from room to room and day to day', async () => {
      const table = chart(page);
      const first = table.getByRole('rowheader').first().getByRole('link');
      await first.focus();
      await page.keyboard.press('ArrowDown');
      const second = await table.getByRole('rowheader').nth(1).innerText();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), second);
      await page.keyboard.press('End');
      const focused = await page.evaluate(() => document.activeElement?.closest('td, th')?.getAttribute('class') ?? '');
      assert.match(focused, /activity__cell/);
      assert.equal(await table.locator('[tabindex="0"]').count(), 1, 'one Tab stop for the whole chart');
    });
  },
  options,
);

e2e.test(
  'odd room ids travel through the address bar and a reload unchanged',
  async ({ page }) => {
    await signIn(page, SCHOOL);

    await step('Salle 12 é from the "go to room" box', async () => {
      const box = page.getByRole('combobox', { name: 'Room id' });
      await box.fill(SALLE);
      await box.press('Enter');
      await page.getByRole('heading', { level: 1, name: `Room ${SALLE}` }).waitFor();
      assert.equal(new URL(page.url()).pathname, SALLE_PATH);
      await waitForRows(page, 1);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: `Room ${SALLE}` }).waitFor();
      assert.equal(pathname(page), `/rooms/${SALLE}`);
      await waitForRows(page, 1);
      // Now a recent room, offered first by the box.
      await box.focus();
      await page.keyboard.press('ArrowDown');
      await page.getByRole('option', { name: `${SALLE}, visited recently` }).waitFor();
      await page.keyboard.press('Escape');
    });

    const odd = 'north::annex/studio 100% #2?x';
    await step('an id with "::", "/", "%", "#" and "?" that has no recordings', async () => {
      const box = page.getByRole('combobox', { name: 'Room id' });
      await box.fill(odd);
      await box.press('Enter');
      const h1 = page.getByRole('heading', { level: 1 });
      await page.getByRole('heading', { name: 'No recordings yet' }).waitFor();
      assert.equal(await h1.locator('.room-name').textContent(), odd);
      assert.equal(new URL(page.url()).pathname, `/rooms/${encodeURIComponent(odd)}`);
      assert.equal(new URL(page.url()).search, '');
      await page.reload();
      await page.getByRole('heading', { name: 'No recordings yet' }).waitFor();
      assert.equal(await page.getByRole('heading', { level: 1 }).locator('.room-name').textContent(), odd);
      assert.equal(await page.getByRole('alert').count(), 0, 'an empty room is not an error');
      await checkA11y(page, 'an empty room');
      await page.goBack();
      await page.getByRole('heading', { level: 1, name: `Room ${SALLE}` }).waitFor();
    });
  },
  options,
);
