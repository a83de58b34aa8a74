/**
 * A large account: 100,000 recordings in one unpaginated answer. What a user checks: rows show
 * while the rest loads, a filter applies to all of them, and the last row can be reached.
 * (How fast is for `npm run bench`, not for a test.)
 */
import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { browserSuite, HTTP_401, SCHOOL, waitFor } from './harness.ts';
import { signIn, summary } from './dashboard.ts';

const COUNT = 100_000;
const summaryText = async (page: Parameters<typeof summary>[0]) => (await summary(page).innerText()).trim();
const suite = browserSuite({ seedRecordings: COUNT });

describe('a list of 100,000 recordings', () => {
  suite.test(
    'rows appear, a filter applies to every record, and the last row is reachable',
    async ({ page }) => {
      await signIn(page, SCHOOL);
      await waitFor(async () => /^100,000 recordings(?!.*loading)/.test(await summaryText(page)), {
        timeout: 120_000,
        message: async () => `the list did not finish loading: "${await summaryText(page)}"`,
      });
      // Loaded is loaded: the sort orders still coming from the worker are nothing to wait for.
      assert.equal(await page.getByRole('button', { name: 'Refresh', exact: true }).count(), 1, 'Refresh is offered once the list is in');

      // A status quick filter: its count is the number of rows the summary then reports.
      const failed = page.locator('.counter', { hasText: 'Failed' });
      const failedCount = Number((await failed.locator('.counter__value').innerText()).replace(/\D/g, ''));
      assert.ok(failedCount > 0 && failedCount < COUNT, `a plausible number of failed recordings (${failedCount})`);
      await failed.click();
      await waitFor(async () => (await summaryText(page)).startsWith(`${failedCount.toLocaleString('en-US')} of 100,000 recordings`), {
        message: async () => `the summary did not show the filtered count: "${await summaryText(page)}"`,
      });
      const statuses = await page.locator('tbody tr td.col--status .badge').allInnerTexts();
      assert.ok(statuses.length > 5, 'rows are shown');
      assert.deepEqual([...new Set(statuses.map((text) => text.trim()))], ['Failed']);
      assert.match(page.url(), /status=FAILED/);

      // Back to everything, then to the very last row, by keyboard: End in the table.
      await failed.click();
      await waitFor(async () => (await summaryText(page)).startsWith('100,000 recordings'));
      await page.locator('tbody tr .cell-link--primary').first().focus();
      await page.keyboard.press('End');
      await waitFor(
        async () =>
          (await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'))) ===
          String(COUNT + 1),
        { timeout: 10_000, message: 'End did not move focus to the last row' },
      );
      const last = await page.evaluate(() =>
        Math.max(...[...document.querySelectorAll('tbody tr')].map((tr) => Number(tr.getAttribute('aria-rowindex')))),
      );
      assert.equal(last, COUNT + 1);
      // And by scrolling, as a mouse user would.
      await page.keyboard.press('Home');
      await page.evaluate(() => {
        const scroller = document.querySelector('.table-scroll')!;
        scroller.scrollTop = scroller.scrollHeight;
      });
      await waitFor(
        async () =>
          page.evaluate(
            (n) => [...document.querySelectorAll('tbody tr')].some((tr) => tr.getAttribute('aria-rowindex') === String(n)),
            COUNT + 1,
          ),
        { message: 'scrolling to the bottom did not show the last row' },
      );

      // A sort in the address of a fresh load: newest first while the list streams in (and the
      // page says so), then the order chosen, once the worker has sent it.
      await page.goto('/?sort=duration&dir=asc');
      await waitFor(async () => (await summaryText(page)).includes('newest first until loaded'), {
        timeout: 60_000,
        message: async () => `no word of the sort to come: "${await summaryText(page)}"`,
      });
      const duration = page.getByRole('columnheader', { name: /^Duration/ });
      await waitFor(async () => (await duration.getAttribute('aria-sort')) === 'ascending', {
        timeout: 120_000,
        message: 'the list was never sorted by duration',
      });
      assert.ok((await summaryText(page)).startsWith('100,000 recordings'), 'sorted once the list was in');
      assert.ok(!(await summaryText(page)).includes('newest first'), 'no word of a sort to come once it is there');
      const seconds = (await page.locator('tbody tr td.col--duration').allInnerTexts())
        .filter((text) => /\d:\d\d:\d\d/.test(text))
        .map((text) => text.trim().split(':').map(Number).reduce((total, part) => total * 60 + part, 0));
      assert.ok(seconds.length > 5, 'durations are shown');
      assert.deepEqual(seconds, [...seconds].sort((a, b) => a - b), 'shortest first');
    },
    // The login page asks whether a session exists; the signed-out answer is a 401.
    { timeout: 240_000, allowConsole: [HTTP_401] },
  );
});
