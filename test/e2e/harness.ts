/**
 * What every browser test needs: the reference server on a free port with a fresh DATA_DIR,
 * Debian's Chromium through playwright-core, a page that records everything that went wrong
 * (console errors, page errors, CSP violations), axe, and polling waits.
 * See docs/decisions/0005-browser-tests.md for why it is node:test + playwright-core.
 */
import AxeBuilder from '@axe-core/playwright';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_DIR = path.join(REPO_ROOT, 'test-results');

export interface Account {
  clientId: string;
  authKey: string;
}

export const SCHOOL: Account = { clientId: 'demo-school', authKey: 'demo-school-key' };
export const DISTRICT: Account = { clientId: 'demo-district', authKey: 'demo-district-key' };
export const TEACHMINT: Account = { clientId: 'teachmint', authKey: 'teachmint-example-key' };

/** How many recordings the server seeds for demo-school (SEED_RECORDINGS, pinned below). */
export const SCHOOL_RECORDINGS = 320;
/** demo-district's and teachmint's seeds are fixed in server/demo-data.ts. */
export const DISTRICT_RECORDINGS = 60;
export const TEACHMINT_RECORDINGS = 3;

/** Chromium's own line for a failed fetch; which statuses a test expects is its own business. */
export const HTTP_401 = /^Failed to load resource: the server responded with a status of 401\b/;
export const HTTP_404 = /^Failed to load resource: the server responded with a status of 404\b/;

// ---------------------------------------------------------------------------------------------
// Server

export interface RunningServer {
  baseURL: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * `node --import tsx server/main.ts` against the built dist/, seeded into a temp DATA_DIR, ready
 * once `/healthz` answers 200. E2E_BASE_URL points the tests at a server that is already running.
 */
export async function startServer(options: { seedRecordings?: number } = {}): Promise<RunningServer> {
  const external = process.env.E2E_BASE_URL;
  if (external) return { baseURL: external.replace(/\/+$/, ''), stop: async () => {} };

  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rd-e2e-'));
  // The server picks no port of its own and prints nothing when silent, so the port is chosen here.
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // run.ts hands over a snapshot of dist/ (see there); a file run on its own serves dist/.
      DIST_DIR: process.env.E2E_DIST_DIR ?? path.join(REPO_ROOT, 'dist'),
      LOG_LEVEL: process.env.E2E_SERVER_LOG_LEVEL ?? 'silent',
      SEED_RECORDINGS: String(options.seedRecordings ?? SCHOOL_RECORDINGS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  if (process.env.E2E_SERVER_LOG_LEVEL) {
    child.stdout?.pipe(process.stderr);
    child.stderr?.pipe(process.stderr);
  }

  const stop = async () => {
    await stopProcess(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      async () => {
        if (child.exitCode !== null) throw new ServerExited(`server exited with ${child.exitCode}:\n${output}`);
        const res = await fetch(`${baseURL}/healthz`).catch(() => null);
        return res?.status === 200;
      },
      { timeout: 90_000, interval: 100, message: () => `server did not answer /healthz within 90 s:\n${output}` },
    );
    const index = await fetch(`${baseURL}/`);
    if (index.status !== 200) throw new Error(`GET / answered ${index.status}: is dist/ built? (npm run test:e2e builds it)`);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseURL, stop };
}

class ServerExited extends Error {}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------------------------------------
// Browser and pages

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  sample: string;
}

interface PageLog {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: CspViolation[];
  requestUrls: string[];
}

const logs = new WeakMap<Page, PageLog>();

export function pageLog(page: Page): PageLog {
  const log = logs.get(page);
  if (!log) throw new Error('this page was not opened with newPage()');
  return log;
}

// Runs before any page script in every document: CSP violations reach the test even when the
// page navigates away right after (the binding is node-side), and stay visible in the page too.
const CSP_LISTENER = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => {
    const violation = {
      directive: event.effectiveDirective || event.violatedDirective,
      blockedURI: event.blockedURI,
      sourceFile: event.sourceFile + ':' + event.lineNumber,
      sample: event.sample,
    };
    window.__cspViolations.push(violation);
    if (typeof window.__e2eReportCsp === 'function') window.__e2eReportCsp(violation);
  }, true);
})();`;

/** A page in its own fresh context (no cookies, no storage) that records what went wrong. */
export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const log: PageLog = { consoleErrors: [], pageErrors: [], cspViolations: [], requestUrls: [] };
  await context.exposeBinding('__e2eReportCsp', (_source, violation: CspViolation) => {
    log.cspViolations.push(violation);
  });
  await context.addInitScript(CSP_LISTENER);
  // Playwright's 30 s default hides a stuck page behind a long wait; nothing here needs that long.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  logs.set(page, log);
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error') log.consoleErrors.push(text);
    else if (/Content Security Policy/i.test(text)) log.consoleErrors.push(`[${message.type()}] ${text}`);
  });
  page.on('pageerror', (error) => log.pageErrors.push(error.stack ?? error.message));
  page.on('request', (request) => log.requestUrls.push(request.url()));
  return page;
}

export interface CleanOptions {
  /** Console errors this test expects (say, a 401 from a wrong key on the login form). */
  allowConsole?: RegExp[];
}

/** Fails on any console error not allow-listed, any uncaught page error, any CSP violation. */
export function assertClean(page: Page, options: CleanOptions = {}): void {
  const log = pageLog(page);
  const allowed = options.allowConsole ?? [];
  // A CSP report in the console is never allowed, whatever else the test expects.
  const unexpected = log.consoleErrors.filter(
    (text) => /Content Security Policy/i.test(text) || !allowed.some((pattern) => pattern.test(text)),
  );
  const problems = [
    ...unexpected.map((text) => `console: ${text}`),
    ...log.pageErrors.map((text) => `page error: ${text}`),
    ...log.cspViolations.map((v) => `CSP violation: ${v.directive} blocked ${v.blockedURI || '(inline)'} at ${v.sourceFile} ${v.sample}`),
  ];
  if (problems.length > 0) throw new Error(`The page was not clean:\n  ${problems.join('\n  ')}`);
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** axe over the page as it is now; fails with one readable line per violation and node. */
export async function checkA11y(page: Page, label: string, options: { exclude?: string[] } = {}): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(AXE_TAGS);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  if (results.violations.length === 0) return;
  const lines = results.violations.flatMap((violation) => [
    `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help} — ${violation.helpUrl}`,
    ...violation.nodes.slice(0, 8).map((node) => `    at ${node.target.join(' ')}: ${node.failureSummary?.split('\n').join(' ') ?? ''}`),
    ...(violation.nodes.length > 8 ? [`    … and ${violation.nodes.length - 8} more`] : []),
  ]);
  throw new Error(`Accessibility violations on ${label}:\n  ${lines.join('\n  ')}`);
}

// ---------------------------------------------------------------------------------------------
// Waiting

export interface WaitOptions {
  timeout?: number;
  interval?: number;
  /** What the wait was for; a function is asked only when the wait times out. */
  message?: string | (() => string | Promise<string>);
}

/**
 * Polls `condition` until it returns something truthy (and returns that), like `expect.poll`.
 * A throw counts as "not yet"; the last one is reported when time runs out.
 */
export async function waitFor<T>(condition: () => T | Promise<T>, options: WaitOptions = {}): Promise<NonNullable<T>> {
  const timeout = options.timeout ?? 10_000;
  const interval = options.interval ?? 50;
  const deadline = Date.now() + timeout;
  let lastError: unknown = null;
  let lastValue: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value as NonNullable<T>;
      lastValue = value;
      lastError = null;
    } catch (error) {
      if (error instanceof ServerExited) throw error;
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const message = typeof options.message === 'function' ? await Promise.resolve().then(options.message).catch(() => undefined) : options.message;
      const detail = lastError instanceof Error ? lastError.message : `last value: ${JSON.stringify(lastValue)}`;
      throw new Error(`Timed out after ${timeout} ms: ${message ?? 'condition never held'} (${detail})`);
    }
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}

/** Waits until `read()` equals `expected` (deep-equal by JSON), reporting the last value seen. */
export async function waitForValue<T>(read: () => Promise<T>, expected: T, what: string, timeout = 10_000): Promise<void> {
  let last: T | undefined;
  await waitFor(
    async () => {
      last = await read();
      return JSON.stringify(last) === JSON.stringify(expected);
    },
    { timeout, message: () => `${what}: expected ${JSON.stringify(expected)}, last saw ${JSON.stringify(last)}` },
  );
}

/** Names the part of a long flow that failed, so the report says "[seek] …" and not just "…". */
export async function step<T>(name: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof Error) {
      // The reporter prints the stack, which repeats the message it was created with.
      // (V8 formats the stack on first read, so read it before the message changes.)
      const original = error.message;
      const stack = error.stack;
      error.message = `[${name}] ${original}`;
      if (stack?.includes(original)) error.stack = stack.replace(original, error.message);
    }
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// The way each test file is put together

export interface E2EContext {
  page: Page;
  context: BrowserContext;
  baseURL: string;
  browser: Browser;
}

export interface E2ETestOptions extends CleanOptions {
  timeout?: number;
}

/**
 * Registers the file's server + browser hooks and returns `test`: each test gets a fresh browser
 * context and page, must leave it clean (see assertClean), and leaves a screenshot in
 * test-results/ when it fails.
 */
export function browserSuite(options: { seedRecordings?: number } = {}) {
  let server: RunningServer | null = null;
  let browser: Browser | null = null;

  before(async () => {
    [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  return {
    get baseURL(): string {
      if (!server) throw new Error('the server is not started yet');
      return server.baseURL;
    },
    test(name: string, body: (t: E2EContext) => Promise<void>, options: E2ETestOptions = {}) {
      test(name, { timeout: options.timeout ?? 90_000 }, async () => {
        if (!server || !browser) throw new Error('before() did not start the server and browser');
        const page = await newPage(browser, server.baseURL);
        const context = page.context();
        try {
          await body({ page, context, baseURL: server.baseURL, browser });
          assertClean(page, options);
        } catch (error) {
          await screenshot(page, name);
          throw error;
        } finally {
          await context.close();
        }
      });
    },
  };
}

async function screenshot(page: Page, name: string): Promise<void> {
  try {
    mkdirSync(RESULTS_DIR, { recursive: true });
    const file = path.join(RESULTS_DIR, `${name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase()}.png`);
    await page.screenshot({ path: file, fullPage: true, timeout: 5_000 });
    console.error(`  screenshot: ${path.relative(REPO_ROOT, file)} (at ${page.url()})`);
  } catch {
    // The page may already be gone (crash, closed context): the assertion error says enough.
  }
}
