#!/usr/bin/env node
// `npm test`: build, type-check, unit tests (Vitest), browser tests (Playwright in Debian's Chromium),
// then one closing line that sums both runners: "Total: N passed, N failed, N skipped".
// `npm test -- <filter>…` passes the filters to both runners (a file-name part or a path), and a
// runner with no test matching them is not a failure (the total must still be above zero).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { playwrightFailures, vitestFailures } from './test-failures.mjs';

const root = new URL('..', import.meta.url).pathname;
// Not test-results/: Playwright empties that folder when it starts.
const results = join(root, 'test-reports');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const filters = process.argv.slice(2);
const noMatchIsFine = (flag) => (filters.length > 0 ? [flag] : []);
rmSync(join(results, 'vitest.json'), { force: true });
rmSync(join(results, 'playwright.json'), { force: true });
mkdirSync(results, { recursive: true });

function step(title, command, args, env = {}) {
  console.log(`\n=== ${title}`);
  const { status } = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return status === 0;
}

const built = step('Build', process.execPath, [join(root, 'scripts', 'build.mjs')]);
if (!built) process.exit(1);
const checked = step('Checks (svelte-check, tsc, ESLint, Prettier, layers, unused code)', 'npm', ['run', '--silent', 'check']);
const unitOk = step('Unit tests (Vitest)', bin('vitest'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${join(results, 'vitest.json')}`,
  ...noMatchIsFine('--passWithNoTests'),
  ...filters,
]);
const e2eOk = step('Browser tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json', ...noMatchIsFine('--pass-with-no-tests'), ...filters], {
  PLAYWRIGHT_JSON_OUTPUT_FILE: join(results, 'playwright.json'),
});

const readJson = (file) => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null);
const vitest = readJson(join(results, 'vitest.json'));
const playwright = readJson(join(results, 'playwright.json'));
const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0);
const failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats.skipped ?? 0);

const failures = [...vitestFailures(vitest, root), ...playwrightFailures(playwright)];
if (failures.length > 0) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`\nChecks: ${checked ? 'clean' : 'FAILED'}`);
// A runner can fail with every test passed (an unhandled error, say): say so rather than hide it.
if (!unitOk) console.log('Vitest exited with an error: see its output above.');
if (!e2eOk) console.log('Playwright exited with an error: see its output above.');
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(checked && unitOk && e2eOk && passed > 0 ? 0 : 1);
