/**
 * How a person uses the dashboard, in words the tests can share: sign in, read the list, use
 * the filters, read a column. Everything is found by role and accessible name where the page
 * offers one; a column is read by its header's name.
 */
import type { Locator, Page } from 'playwright-core';
import { waitFor, type Account } from './harness.ts';

export function loginHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'Sign in to Recordings', level: 1 });
}

export function listHeading(page: Page): Locator {
  return page.getByRole('heading', { name: 'All recordings', level: 1 });
}

/** Fills and submits the login form on the current page (which must be the login screen). */
export async function submitLogin(page: Page, account: Account): Promise<void> {
  await loginHeading(page).waitFor();
  await page.getByRole('textbox', { name: 'Client ID' }).fill(account.clientId);
  await page.getByLabel('Auth key').fill(account.authKey);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** From a fresh context: the login screen, the form, and the list with its first rows. */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.goto('/login');
  await submitLogin(page, account);
  await listHeading(page).waitFor();
  await waitForRows(page, 1);
}

export function rows(page: Page): Locator {
  return page.locator('tbody tr');
}

/** Waits until at least `min` rows are in the DOM and returns how many there are. */
export async function waitForRows(page: Page, min: number, timeout = 15_000): Promise<number> {
  return waitFor(
    async () => {
      const count = await rows(page).count();
      return count >= min ? count : 0;
    },
    { timeout, message: `at least ${min} table rows` },
  );
}

/** The list's summary line ("320 recordings · 280 h in total", "15 of 320 recordings · …"). */
export function summary(page: Page): Locator {
  return page.getByRole('status').filter({ hasText: / recordings? · / });
}

export interface Summary {
  shown: number;
  total: number;
  filtered: boolean;
}

const SUMMARY = /^(?:([\d,]+) of )?([\d,]+) recordings? · [\d.,]+ (?:h|min) in total( · loading)?/;

async function parseSummary(page: Page): Promise<(Summary & { loading: boolean }) | string> {
  const text = (await summary(page).innerText({ timeout: 1_000 })).trim();
  const match = SUMMARY.exec(text);
  if (!match) return text;
  const total = Number(match[2]!.replace(/,/g, ''));
  const shown = match[1] === undefined ? total : Number(match[1].replace(/,/g, ''));
  return { shown, total, filtered: match[1] !== undefined, loading: match[3] !== undefined };
}

/**
 * Waits until the list has finished loading (the line no longer says "loading") and the summary
 * satisfies `check`; returns what it says then.
 */
export async function waitForSummary(page: Page, check: (summary: Summary) => boolean, what: string): Promise<Summary> {
  let last: unknown = 'no summary line';
  return waitFor(
    async () => {
      const parsed = await parseSummary(page);
      last = parsed;
      if (typeof parsed === 'string' || parsed.loading) return null;
      const summary = { shown: parsed.shown, total: parsed.total, filtered: parsed.filtered };
      return check(summary) ? summary : null;
    },
    { timeout: 15_000, message: () => `summary line: ${what}; last: ${JSON.stringify(last)}` },
  );
}

/**
 * The summary of a completely loaded list, once it has stopped changing: its counts follow the
 * rows through a deferred render, so for a moment after the last rows arrive they can still be
 * the previous ones.
 */
export async function readSummary(page: Page): Promise<Summary> {
  let previous = '';
  return waitForSummary(
    page,
    (summary) => {
      const now = JSON.stringify(summary);
      const stable = now === previous;
      previous = now;
      return stable;
    },
    'the list loaded completely and its summary steady',
  );
}

/**
 * The text of one column in every rendered row, found by its header's visible name. With `part`,
 * only the text of that element inside each cell (e.g. the status badge, not the "Stuck" flag
 * beside it).
 */
export async function columnTexts(page: Page, header: string, part?: string): Promise<string[]> {
  return page.evaluate(
    ([name, selector]) => {
      const table = document.querySelector('table');
      if (!table) return [];
      const headers = [...table.querySelectorAll('thead th')];
      const index = headers.findIndex((th) => (th.textContent ?? '').replace(/[▲▼↕]/g, '').trim() === name);
      if (index === -1) throw new Error(`no column "${name}" in ${headers.map((th) => th.textContent).join(', ')}`);
      return [...table.querySelectorAll('tbody tr')].map((tr) => {
        const cell = tr.children[index] as HTMLElement | undefined;
        const target = selector ? cell?.querySelector<HTMLElement>(selector) : cell;
        return target?.innerText.trim() ?? '';
      });
    },
    [header, part] as const,
  );
}

/** The status badge of every rendered row, in words ("Failed"), without the attention flag. */
export function statusTexts(page: Page): Promise<string[]> {
  return columnTexts(page, 'Status', '.badge');
}

/** The header cell of a sortable column, and the button inside it. */
export function columnHeader(page: Page, name: string): Locator {
  return page.getByRole('columnheader', { name: new RegExp(`^${name}\\b`) });
}

/** Opens a filter disclosure ("Status", "Mode") and returns its group of checkboxes. */
export async function openFilter(page: Page, name: 'Status' | 'Mode'): Promise<Locator> {
  const group = page.getByRole('group', { name, exact: true });
  if (!(await group.isVisible())) {
    await page.locator('summary', { hasText: new RegExp(`^${name}`) }).click();
  }
  await group.waitFor();
  return group;
}

/** A filter option's checkbox, named by its label ("Failed", "Portrait") followed by its count. */
export function filterOption(group: Locator, label: string): Locator {
  return group.getByRole('checkbox', { name: new RegExp(`^${label}\\b`) });
}

/**
 * Clicks a filter option and waits until it shows the wanted state. (The box follows the URL, and
 * the URL changes in a React transition, so it turns checked ~0.1 s after the click: Playwright's
 * check() reads it too early.)
 */
export async function setOption(option: Locator, checked: boolean): Promise<void> {
  if ((await option.isChecked()) === checked) return;
  await option.click();
  await waitFor(async () => (await option.isChecked()) === checked, {
    timeout: 3_000,
    message: `the option to become ${checked ? 'checked' : 'unchecked'}`,
  });
}

export function searchParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

export function pathname(page: Page): string {
  return decodeURIComponent(new URL(page.url()).pathname);
}

/** Waits until the URL satisfies `check` (client-side navigation does not fire a load). */
export async function waitForUrl(page: Page, check: (url: URL) => boolean, what: string): Promise<URL> {
  return waitFor(
    () => {
      const url = new URL(page.url());
      return check(url) ? url : null;
    },
    { timeout: 10_000, message: () => `URL ${what}; it is ${page.url()}` },
  );
}

/** The status and mode values in the URL, sorted, for comparing a view with what is expected. */
export function filtersInUrl(page: Page): { status: string[]; mode: string[] } {
  const params = searchParams(page);
  return { status: params.getAll('status').sort(), mode: params.getAll('mode').sort() };
}

// ---------------------------------------------------------------------------------------------
// The player

export function player(page: Page): Locator {
  return page.getByTestId('video-player');
}

export interface VideoState {
  currentTime: number;
  duration: number;
  paused: boolean;
  readyState: number;
  src: string;
  errorCode: number | null;
}

export async function videoState(page: Page): Promise<VideoState> {
  return player(page)
    .locator('video')
    .evaluate((video: HTMLVideoElement) => ({
      currentTime: video.currentTime,
      duration: video.duration,
      paused: video.paused,
      readyState: video.readyState,
      src: video.currentSrc,
      errorCode: video.error?.code ?? null,
    }));
}

/** Waits for metadata (a finite duration), then returns the state. */
export async function waitForMetadata(page: Page): Promise<VideoState> {
  let last: VideoState | null = null;
  return waitFor(
    async () => {
      last = await videoState(page);
      return last.readyState >= 1 && Number.isFinite(last.duration) && last.duration > 0 ? last : null;
    },
    { timeout: 15_000, message: () => `video metadata; last state ${JSON.stringify(last)}` },
  );
}

/** Asserts the clock of a playing video moves on by at least `seconds` of media time. */
export async function waitForPlaybackProgress(page: Page, seconds: number): Promise<{ from: number; to: number }> {
  const start = await waitFor(
    async () => {
      const state = await videoState(page);
      return !state.paused && state.currentTime > 0 ? state : null;
    },
    { timeout: 10_000, message: 'the video to start playing (not paused, currentTime > 0)' },
  );
  let last = start;
  await waitFor(
    async () => {
      last = await videoState(page);
      return last.currentTime - start.currentTime >= seconds;
    },
    {
      timeout: seconds * 1000 + 4_000,
      message: () => `currentTime to advance ${seconds} s from ${start.currentTime}; last state ${JSON.stringify(last)}`,
    },
  );
  return { from: start.currentTime, to: last.currentTime };
}

/** Seeks like a scrubber would (sets currentTime) and resolves with the time after `seeked`. */
export async function seekTo(page: Page, seconds: number): Promise<number> {
  return player(page)
    .locator('video')
    .evaluate(
      (video: HTMLVideoElement, target) =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no "seeked" within 10 s (at ${video.currentTime})`)), 10_000);
          video.addEventListener(
            'seeked',
            () => {
              clearTimeout(timer);
              resolve(video.currentTime);
            },
            { once: true },
          );
          video.currentTime = target;
        }),
      seconds,
    );
}
