/**
 * Runs the browser tests: every test/e2e/*.e2e.ts (or the files named on the command line)
 * under Node's own test runner, one file at a time, spec output for people and TAP into a temp
 * file for the count. Ends with one plain line, "N passed, N failed", and a non-zero exit code
 * when anything failed, was cancelled, or nothing ran at all.
 *
 *   npm run test:e2e                        build, then every file
 *   npx tsx test/e2e/run.ts flow            only files whose name contains "flow" (no build)
 *   E2E_DIST_DIR=/tmp/d npx tsx test/e2e/run.ts flow   the same against a build in /tmp/d
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from './harness.ts';

const E2E_DIR = path.join(REPO_ROOT, 'test', 'e2e');

// Node 20's --test does not expand globs, so the directory is listed here.
const filters = process.argv.slice(2);
const files = readdirSync(E2E_DIR)
  .filter((name) => name.endsWith('.e2e.ts'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort()
  .map((name) => path.relative(REPO_ROOT, path.join(E2E_DIR, name)));

if (files.length === 0) {
  console.error(`No browser test files match ${filters.join(', ') || '*.e2e.ts'} in ${path.relative(REPO_ROOT, E2E_DIR)}`);
  console.log('0 passed, 0 failed');
  process.exit(1);
}

// E2E_DIST_DIR: a build somewhere else (`vite build --outDir DIR`), e.g. for two runs side by side.
const dist = process.env.E2E_DIST_DIR ? path.resolve(process.env.E2E_DIST_DIR) : path.join(REPO_ROOT, 'dist');
if (!existsSync(path.join(dist, 'index.html'))) {
  console.error('dist/ is not built: run `npm run test:e2e` (which builds it) or `npm run build` first.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const workDir = mkdtempSync(path.join(os.tmpdir(), 'rd-e2e-'));
const tapFile = path.join(workDir, 'results.tap');
// The servers serve a snapshot of the build: someone rebuilding dist/ during the run would
// otherwise swap the hashed asset files under a page that is loading them.
const distSnapshot = path.join(workDir, 'dist');
cpSync(dist, distSnapshot, { recursive: true });
const started = performance.now();

const exitCode = await new Promise<number>((resolve) => {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-concurrency=1',
      '--test-timeout=180000',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, E2E_DIST_DIR: distSnapshot } },
  );
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  child.on('error', (error) => {
    console.error(error);
    resolve(1);
  });
});

const counts = readCounts(tapFile);
rmSync(workDir, { recursive: true, force: true });

const failed = counts.fail + counts.cancelled;
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(`\nBrowser tests: ${files.length} files in ${seconds} s${counts.cancelled ? ` (${counts.cancelled} cancelled)` : ''}`);
console.log(`${counts.pass} passed, ${failed} failed`);
process.exit(failed > 0 || exitCode !== 0 || counts.pass === 0 ? 1 : 0);

/** The summary comments Node's TAP reporter writes at the very end ("# pass 3"). */
function readCounts(file: string): { pass: number; fail: number; cancelled: number } {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No TAP at all: the runner itself died; the exit code already says so.
  }
  const read = (name: string) => {
    const matches = [...text.matchAll(new RegExp(`^# ${name} (\\d+)$`, 'gm'))];
    return matches.length > 0 ? Number(matches[matches.length - 1]![1]) : 0;
  };
  return { pass: read('pass'), fail: read('fail'), cancelled: read('cancelled') };
}
