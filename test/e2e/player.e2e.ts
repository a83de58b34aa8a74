/**
 * The detail page and its player in real Chromium, against the built app and the reference
 * server: playing, seeking with Range, swapping recordings on one player, failures in words,
 * what the player remembers, shortcuts, accessibility, and that nothing leaks.
 */
import assert from 'node:assert/strict';
import type { Page, Response } from 'playwright-core';
import {
  pathname,
  player,
  searchParams,
  seekTo,
  signIn,
  videoState,
  waitForMetadata,
  waitForPlaybackProgress,
  waitForUrl,
} from './dashboard.ts';
import { browserSuite, checkA11y, HTTP_401, HTTP_404, pageLog, SCHOOL, step, TEACHMINT, waitFor } from './harness.ts';

const e2e = browserSuite();

/** The session check before signing in answers 401; every test here signs in from a fresh context. */
const SIGN_IN_NOISE = [HTTP_401];
/** video.js reports every media error on the console as well; those tests cause one on purpose. */
const VIDEOJS_MEDIA_ERROR = /^VIDEOJS: ERROR: \(CODE:\d/;

interface ApiRecord {
  _id: string;
  class_id: string;
  status?: string;
  mode?: string;
  processed_path?: string;
  raw_path?: string;
  thumbnail_path?: string;
}

/** The account's records as the API gives them (through the dashboard server's session). */
async function apiRecords(page: Page): Promise<ApiRecord[]> {
  return page.evaluate(async () => {
    const response = await fetch('/api/videos', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    return ((await response.json()) as { obj: ApiRecord[] }).obj;
  });
}

function room(record: ApiRecord): string {
  return record.class_id.slice(record.class_id.indexOf('::') + 2);
}

function detailPath(record: ApiRecord, extra = ''): string {
  return `/recordings/${encodeURIComponent(record._id)}?room=${encodeURIComponent(room(record))}${extra}`;
}

function fileName(url: string | undefined): string {
  return url ? new URL(url).pathname.split('/').pop()! : '';
}

/** Two processed landscape recordings of one room whose files differ, for A→B. */
function pairInOneRoom(records: ApiRecord[]): [ApiRecord, ApiRecord] {
  const playable = records.filter((r) => r.processed_path && r.thumbnail_path && r.mode === 'landscape');
  for (const a of playable) {
    const b = playable.find((r) => r.class_id === a.class_id && fileName(r.processed_path) !== fileName(a.processed_path));
    if (b) return [a, b];
  }
  throw new Error('the demo data has no room with two different processed lectures');
}

async function openDetail(page: Page, record: ApiRecord, extra = ''): Promise<void> {
  await page.goto(detailPath(record, extra));
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${escape(room(record))} · `) }).waitFor();
  await player(page).locator('.video-js').waitFor();
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** What the page shows of the player: its source, its poster, and how many players exist. */
async function playerPicture(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector('.video-js');
    const video = root?.querySelector('video');
    return {
      players: document.querySelectorAll('.video-js').length,
      videos: document.querySelectorAll('video').length,
      src: video?.currentSrc ?? '',
      poster: video?.getAttribute('poster') ?? '',
      posterImage: root?.querySelector<HTMLImageElement>('.vjs-poster img')?.src ?? '',
      started: root?.classList.contains('vjs-has-started') ?? false,
    };
  });
}

function playerAlert(page: Page) {
  return page.locator('.lecture-player').getByRole('alert');
}

e2e.test(
  'a detail URL opens on a fresh tab and after a reload; it plays, and seeking to the middle is served with a 206',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const records = await apiRecords(page);
    const [a] = pairInOneRoom(records);

    await step('video.js is not in the first download', async () => {
      const urls = pageLog(page).requestUrls;
      assert.ok(
        urls.every((url) => !/video-js-player[^/]*\.js$/.test(url)),
        `the list page loaded the player chunk: ${urls.filter((u) => u.includes('video-js')).join(', ')}`,
      );
    });

    await step('open the detail URL directly, then reload it', async () => {
      await openDetail(page, a);
      assert.ok(pageLog(page).requestUrls.some((url) => /video-js-player[^/]*\.js$/.test(url)), 'the player chunk loads on the detail page');
      const listRequests: (string | null)[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/videos')) listRequests.push(request.postData());
      });
      await page.reload();
      await page.getByRole('heading', { level: 1, name: new RegExp(`^${escape(room(a))} · `) }).waitFor();
      assert.equal(pathname(page), `/recordings/${a._id}`);
      assert.equal(searchParams(page).get('room'), room(a));
      const state = await waitForMetadata(page);
      assert.equal(fileName(state.src), fileName(a.processed_path));
      assert.equal((await playerPicture(page)).poster, a.thumbnail_path);
      // A fresh page fetched only the room, never the whole account.
      assert.deepEqual(listRequests.map((body) => JSON.parse(body ?? '{}') as unknown), [{ room_id: room(a) }]);
    });

    const responses: Response[] = [];
    page.on('response', (response) => {
      if (/\/media\/[^/?]+\.mp4(\?|$)/.test(response.url())) responses.push(response);
    });

    await step('play', async () => {
      await page.getByRole('button', { name: 'Play Video' }).click();
      await waitForPlaybackProgress(page, 1.5);
    });

    await step('seek to the middle, served with Range', async () => {
      const { duration } = await videoState(page);
      const at = await seekTo(page, duration / 2);
      assert.ok(Math.abs(at - duration / 2) <= 1, `after seeking to ${duration / 2} the video is at ${at}`);
      await waitFor(async () => (await videoState(page)).currentTime > at + 0.3, { message: 'playback to go on after the seek' });
      const partial = await waitFor(() => responses.find((response) => response.status() === 206), {
        message: () => `a 206 for the mp4; saw ${responses.map((r) => r.status()).join(', ') || 'nothing'}`,
      });
      assert.match((await partial.request().headerValue('range')) ?? '', /^bytes=\d+-\d*$/);
      assert.match((await partial.headerValue('content-range')) ?? '', /^bytes \d+-\d+\/\d+$/);
    });
  },
  { allowConsole: SIGN_IN_NOISE },
);

e2e.test(
  'going from A to B swaps source and poster on the one player, and B never shows A',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [a, b] = pairInOneRoom(await apiRecords(page));
    await openDetail(page, a);
    await waitForMetadata(page);
    await page.getByRole('button', { name: 'Play Video' }).click();
    await waitForPlaybackProgress(page, 1);

    // Watch the swap from inside the page: the first moment B's source is set, A's poster must
    // already be gone and the player must not be playing.
    await page.evaluate(() => {
      const video = document.querySelector('.video-js video') as HTMLVideoElement;
      const seen: { src: string; poster: string; paused: boolean }[] = [];
      (window as unknown as { __swap: typeof seen }).__swap = seen;
      video.addEventListener('loadstart', () => seen.push({ src: video.currentSrc, poster: video.poster, paused: video.paused }));
    });

    const strip = page.getByRole('region', { name: new RegExp(`^More from room`) });
    await strip.locator(`a[href="${detailPath(b)}"]`).first().click();
    await waitForUrl(page, (url) => url.pathname === `/recordings/${b._id}`, `at B (${b._id})`);

    const picture = await waitFor(
      async () => {
        const now = await playerPicture(page);
        return fileName(now.src) === fileName(b.processed_path) ? now : null;
      },
      { message: 'B to be loaded' },
    );
    assert.equal(picture.players, 1, 'one .video-js');
    assert.equal(picture.videos, 1, 'one video element');
    assert.equal(picture.poster, b.thumbnail_path);
    const swap = await page.evaluate(() => (window as unknown as { __swap: { src: string; poster: string; paused: boolean }[] }).__swap);
    assert.ok(swap.length >= 1, 'B started loading');
    assert.equal(fileName(swap[0]!.src), fileName(b.processed_path));
    assert.equal(swap[0]!.poster, b.thumbnail_path, 'B’s poster was up before B loaded');
    assert.equal(swap[0]!.paused, true, 'A was stopped before B loaded');
    const state = await waitForMetadata(page);
    assert.ok(state.paused && state.currentTime < 1, `B starts at the start, paused: ${JSON.stringify(state)}`);
    assert.equal(await playerAlert(page).count(), 0);
  },
  { allowConsole: SIGN_IN_NOISE },
);

e2e.test(
  'a recording that is not processed plays its webm, with a notice',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const raw = (await apiRecords(page)).find((r) => !r.processed_path && r.raw_path && r.status === 'PROCESSING');
    assert.ok(raw, 'the demo data has a PROCESSING recording');
    await openDetail(page, raw);
    assert.match(await page.getByRole('note').innerText(), /not processed yet.*raw recording \(webm\) is playing/s);
    const state = await waitForMetadata(page);
    assert.match(state.src, /\.webm$/);
    await page.getByRole('button', { name: 'Play Video' }).click();
    await waitForPlaybackProgress(page, 1);
  },
  { allowConsole: SIGN_IN_NOISE },
);

e2e.test(
  'unreachable media (the teachmint account’s storage.googleapis.com links) gets a message in words and a direct link',
  async ({ page }) => {
    await signIn(page, TEACHMINT);
    const record = (await apiRecords(page)).find((r) => r.processed_path?.includes('storage.googleapis.com'));
    assert.ok(record, 'teachmint has a recording on storage.googleapis.com');
    await openDetail(page, record);
    const alert = playerAlert(page);
    // DNS fails here (no internet): an error within seconds; a host that never answers: the 15 s timeout.
    await alert.waitFor({ timeout: 25_000 });
    assert.match(await alert.innerText(), /This video cannot be played here|The video is not loading/);
    assert.equal(await alert.getByRole('link', { name: /Open the video file directly/ }).getAttribute('href'), record.processed_path);
    await checkA11y(page, 'the detail page with an unplayable video');
  },
  { allowConsole: [...SIGN_IN_NOISE, /net::ERR_NAME_NOT_RESOLVED/, VIDEOJS_MEDIA_ERROR] },
);

e2e.test(
  'a missing file (404) and a file that cannot be decoded get the message too, and Try again recovers',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [a, b] = pairInOneRoom(await apiRecords(page));

    await step('404', async () => {
      await page.route(`**/media/${fileName(a.processed_path)}`, (route) => route.fulfill({ status: 404, body: 'not here' }));
      await openDetail(page, a);
      const alert = playerAlert(page);
      await alert.waitFor();
      assert.match(await alert.innerText(), /This video cannot be played here/);
      assert.match(await alert.innerText(), /file is missing/);
      await page.unroute(`**/media/${fileName(a.processed_path)}`);
      await alert.getByRole('button', { name: 'Try again' }).click();
      await waitForMetadata(page);
      assert.equal(await playerAlert(page).count(), 0);
    });

    await step('not a video at all', async () => {
      const garbage = Buffer.alloc(64 * 1024, 0x5a);
      await page.route(`**/media/${fileName(b.processed_path)}`, (route) =>
        route.fulfill({ status: 200, contentType: 'video/mp4', body: garbage }),
      );
      await openDetail(page, b);
      const alert = playerAlert(page);
      await alert.waitFor();
      assert.match(await alert.innerText(), /cannot be played here/);
      assert.ok(await alert.getByRole('link', { name: /Open the video file directly/ }).isVisible());
    });
  },
  { allowConsole: [...SIGN_IN_NOISE, HTTP_404, VIDEOJS_MEDIA_ERROR] },
);

e2e.test(
  'media that never starts loading gets a message after 15 seconds',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [a] = pairInOneRoom(await apiRecords(page));
    // The host takes the request and never answers.
    await page.route(`**/media/${fileName(a.processed_path)}`, () => undefined);
    const opened = Date.now();
    await openDetail(page, a);
    const alert = playerAlert(page);
    await alert.waitFor({ timeout: 25_000 });
    const waited = Date.now() - opened;
    assert.ok(waited >= 14_000, `the message came after ${waited} ms`);
    assert.match(await alert.innerText(), /The video is not loading/);
    assert.match(await alert.innerText(), /has not started loading after 15 seconds/);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
  },
  { allowConsole: SIGN_IN_NOISE, timeout: 120_000 },
);

e2e.test(
  'speed and resume position are remembered after a reload; Start over starts over; ?t= wins and leaves the URL',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [a, b] = pairInOneRoom(await apiRecords(page));
    await openDetail(page, a);
    await waitForMetadata(page);

    await step('choose 1.5x with the keyboard, stop at 0:08', async () => {
      await page.locator('h1').click();
      await page.keyboard.press('Shift+>');
      await page.keyboard.press('Shift+>');
      await waitFor(async () => (await page.locator('.video-js video').evaluate((v: HTMLVideoElement) => v.playbackRate)) === 1.5, {
        message: 'the rate to be 1.5',
      });
      await seekTo(page, 8);
    });

    await step('after a reload: 1.5x, "Resumed at 0:08", and the video at 0:08', async () => {
      await page.reload();
      await player(page).locator('.video-js').waitFor();
      await page.getByText('Resumed at 0:08').waitFor();
      await waitFor(async () => Math.abs((await videoState(page)).currentTime - 8) < 0.5, { message: 'the video at 0:08' });
      assert.equal(await page.locator('.video-js video').evaluate((v: HTMLVideoElement) => v.playbackRate), 1.5);
      assert.equal(await page.getByRole('button', { name: 'Copy link at 0:08' }).count(), 1);
    });

    await step('Start over', async () => {
      await page.getByRole('button', { name: 'Start over' }).click();
      await waitFor(async () => (await videoState(page)).currentTime < 0.5, { message: 'the video back at 0:00' });
      assert.equal(await page.getByText(/Resumed at/).count(), 0);
      await page.reload();
      await waitForMetadata(page);
      assert.equal(await page.getByText(/Resumed at/).count(), 0, 'nothing to resume after Start over');
    });

    await step('another recording keeps the speed; ?t= starts there and is dropped from the URL', async () => {
      await page.goto(detailPath(b, '&t=6'));
      await player(page).locator('.video-js').waitFor();
      await waitFor(async () => Math.abs((await videoState(page)).currentTime - 6) < 0.5, { message: 'the video at 0:06' });
      assert.equal(await page.locator('.video-js video').evaluate((v: HTMLVideoElement) => v.playbackRate), 1.5);
      await waitForUrl(page, (url) => !url.searchParams.has('t') && url.searchParams.get('room') === room(b), 'without t=');
      assert.equal(await page.getByText(/Resumed at/).count(), 0);
    });
  },
  { allowConsole: SIGN_IN_NOISE },
);

e2e.test(
  'keyboard only: "?" opens the shortcuts as a modal dialog, Escape closes it and focus comes back; shortcuts work; axe is clean',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [a] = pairInOneRoom(await apiRecords(page));
    await openDetail(page, a);
    await waitForMetadata(page);
    await checkA11y(page, 'the detail page');

    await step('k plays, l jumps 10 s, m mutes', async () => {
      await page.locator('h1').click();
      await page.keyboard.press('k');
      await waitForPlaybackProgress(page, 0.5);
      const before = (await videoState(page)).currentTime;
      await page.keyboard.press('l');
      await waitFor(async () => (await videoState(page)).currentTime >= Math.min(before + 9, (await videoState(page)).duration - 1), {
        message: 'l to jump ahead',
      });
      await page.keyboard.press('k');
      await waitFor(async () => (await videoState(page)).paused, { message: 'k to pause' });
      await page.keyboard.press('m');
      assert.equal(await page.locator('.video-js video').evaluate((v: HTMLVideoElement) => v.muted), true);
      await page.keyboard.press('m');
    });

    await step('? opens the dialog, Escape closes it', async () => {
      const opener = page.getByRole('button', { name: 'Keyboard shortcuts' });
      await opener.focus();
      await page.keyboard.press('Shift+?');
      const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await dialog.waitFor();
      assert.equal(await dialog.evaluate((d: HTMLDialogElement) => d.open && d.matches(':modal')), true, 'a modal <dialog>');
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Close', 'focus in the dialog');
      await checkA11y(page, 'the detail page with the shortcuts dialog');
      // Shortcuts stay quiet behind the dialog; Tab stays inside it.
      await page.keyboard.press('k');
      assert.equal((await videoState(page)).paused, true);
      // The page behind is inert: Tab moves within the dialog or out to the browser, never onto the page.
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement === document.body || Boolean(document.activeElement?.closest('dialog'))),
        true,
        'focus never lands on the page behind the dialog',
      );
      await page.keyboard.press('Escape');
      await waitFor(async () => (await dialog.count()) === 0 || !(await dialog.isVisible()), { message: 'the dialog to close' });
      assert.equal(await opener.evaluate((el) => el === document.activeElement), true, 'focus back on the opener');
    });

    await step('the whole page can be walked with Tab, and every stop shows where it is', async () => {
      await page.locator('h1').click();
      const stops: string[] = [];
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        const stop = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const visible = style.outlineStyle !== 'none' || style.boxShadow !== 'none';
          return `${el.tagName.toLowerCase()}:${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}:${visible}`;
        });
        if (stop) stops.push(stop);
      }
      assert.ok(stops.length > 10, `tab stops: ${stops.join(' | ')}`);
      assert.deepEqual(stops.filter((stop) => stop.endsWith(':false')), [], 'every stop has a visible focus indicator');
    });
  },
  { allowConsole: SIGN_IN_NOISE },
);

e2e.test(
  'a portrait recording gets a portrait frame; fullscreen (F) and picture-in-picture work from the player',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const records = await apiRecords(page);
    const portrait = records.find((r) => r.processed_path && r.mode === 'portrait');
    const landscape = records.find((r) => r.processed_path && r.mode === 'landscape');
    assert.ok(portrait && landscape, 'the demo data has processed portrait and landscape recordings');

    const frame = async () => {
      const box = (await player(page).locator('.video-js').boundingBox())!;
      const video = await page.locator('.video-js video').evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight }));
      return { box, video };
    };

    await step('landscape: a 16:9 frame', async () => {
      await openDetail(page, landscape);
      await waitForMetadata(page);
      const { box } = await frame();
      assert.ok(Math.abs(box.width / box.height - 16 / 9) < 0.02, `landscape frame ${box.width}×${box.height}`);
    });

    await step('portrait: a 9:16 frame that fits the screen, with its controls below it', async () => {
      await openDetail(page, portrait);
      await waitForMetadata(page);
      const { box, video } = await frame();
      assert.ok(video.height > video.width, `the portrait sample is portrait: ${video.width}×${video.height}`);
      assert.ok(Math.abs(box.width / box.height - 9 / 16) < 0.02, `portrait frame ${box.width}×${box.height}`);
      const viewport = page.viewportSize()!;
      const bar = (await page.getByRole('button', { name: 'Keyboard shortcuts' }).boundingBox())!;
      assert.ok(bar.y + bar.height <= viewport.height, `the bar under the player is on the first screen (${bar.y + bar.height} of ${viewport.height})`);
    });

    await step('F goes fullscreen and back', async () => {
      await page.getByRole('button', { name: 'Play Video' }).click();
      await waitForPlaybackProgress(page, 0.5);
      await page.locator('h1').click();
      await page.keyboard.press('f');
      await waitFor(() => page.evaluate(() => document.fullscreenElement?.classList.contains('video-js') ?? false), {
        message: 'the player to be fullscreen',
      });
      await page.keyboard.press('f');
      await waitFor(() => page.evaluate(() => document.fullscreenElement === null), { message: 'fullscreen to end' });
    });

    await step('the picture-in-picture button opens the video in its own window', async () => {
      const button = player(page).getByRole('button', { name: 'Picture-in-Picture' });
      await button.click();
      await waitFor(() => page.evaluate(() => document.pictureInPictureElement?.tagName === 'VIDEO'), {
        message: 'the video to be in picture-in-picture',
      });
      await player(page).getByRole('button', { name: 'Exit Picture-in-Picture' }).click();
      await waitFor(() => page.evaluate(() => document.pictureInPictureElement === null), { message: 'picture-in-picture to end' });
    });
  },
  { allowConsole: SIGN_IN_NOISE },
);

e2e.test(
  'previous and next follow the filtered list the user came from, also after a reload',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    await page.goto('/?status=FAILED');
    await page.locator('tbody tr').first().waitFor();
    await page.locator('tbody tr').first().locator('.cell-link--primary').click();
    const pagerNav = page.getByRole('navigation', { name: 'Previous and next recording' });
    await pagerNav.getByText(/^1 of \d+/).waitFor();
    const total = Number(/of (\d+)/.exec(await pagerNav.innerText())![1]);
    assert.ok(total > 1 && total < 320, `a filtered list of ${total}`);
    assert.match(await pagerNav.innerText(), /in the list you came from/);

    await pagerNav.getByRole('link', { name: /^Next/ }).click();
    await pagerNav.getByText(new RegExp(`^2 of ${total}$`)).waitFor();
    await page.getByText(/Processing this recording failed|Processing failed/).first().waitFor();

    await page.reload();
    await pagerNav.getByText(new RegExp(`^2 of ${total}$`)).waitFor();
    assert.match(await pagerNav.innerText(), /in the list you came from/);
    await page.getByRole('link', { name: '← Back to the list' }).click();
    await waitForUrl(page, (url) => url.pathname === '/' && url.searchParams.get('status') === 'FAILED', '/?status=FAILED');
  },
  { allowConsole: SIGN_IN_NOISE },
);

e2e.test(
  'thirty visits in a row leave no players or media elements behind',
  async ({ page }) => {
    await signIn(page, SCHOOL);
    const [a, b] = pairInOneRoom(await apiRecords(page));
    const cdp = await page.context().newCDPSession(page);
    /** Every HTMLVideoElement still in memory, attached or not, after a full garbage collection. */
    const videosInMemory = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const prototype = await cdp.send('Runtime.evaluate', { expression: 'HTMLVideoElement.prototype' });
      const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId! });
      const length = await cdp.send('Runtime.callFunctionOn', {
        objectId: found.objects.objectId!,
        functionDeclaration: 'function () { return this.length; }',
        returnByValue: true,
      });
      await cdp.send('Runtime.releaseObject', { objectId: found.objects.objectId! });
      return length.result.value as number;
    };
    const toRoomList = async (target: ApiRecord) => {
      await page.getByRole('link', { name: `All of room ${room(target)}` }).click();
      await page.getByRole('heading', { level: 1, name: /^Room/ }).waitFor();
      assert.equal(await page.locator('.video-js, video').count(), 0, 'no player on the room page');
    };

    // video.js keeps one element of its own for feature tests (Html5.TEST_VID): that is the baseline.
    await openDetail(page, a);
    await toRoomList(a);
    const baseline = await videosInMemory();
    assert.ok(baseline <= 1, `after one visit ${baseline} video elements stay in memory`);
    await page.goBack();
    await player(page).locator('.video-js').waitFor();

    const strip = page.getByRole('region', { name: /^More from room/ });
    for (let visit = 0; visit < 30; visit += 1) {
      const target = visit % 2 === 0 ? b : a;
      await strip.locator(`a[href="${detailPath(target)}"]`).first().click();
      await waitFor(async () => fileName((await playerPicture(page)).src) === fileName(target.processed_path), {
        message: `visit ${visit + 1}: the player to show ${target._id}`,
      });
      // Every third visit goes to the room's list and back, so the player is disposed and made again.
      if (visit % 3 === 2) {
        await toRoomList(target);
        await page.goBack();
        await player(page).locator('.video-js').waitFor();
      }
      const picture = await playerPicture(page);
      assert.equal(picture.players, 1, `visit ${visit + 1}: one player`);
      assert.equal(picture.videos, 1, `visit ${visit + 1}: one video element`);
    }

    await toRoomList(a);
    let count = Number.NaN;
    await waitFor(
      async () => {
        count = await videosInMemory();
        return count <= baseline;
      },
      { timeout: 10_000, interval: 500, message: () => `at most ${baseline} video elements in memory; ${count} still there` },
    );
  },
  { allowConsole: SIGN_IN_NOISE, timeout: 150_000 },
);
