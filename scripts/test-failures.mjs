// The closing list of what failed, from the two runners' JSON reports. CI keeps only the tail of
// the output, so the names and the first lines of each error must sit next to the total.
import { relative } from 'node:path';

const firstLines = (text, lines = 6) =>
  String(text ?? '')
    // eslint-disable-next-line no-control-regex -- colour codes from the runners' messages
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    // Stack frames inside node_modules say nothing about the test; the message itself always stays.
    .filter((line) => line.trim() !== '' && !/^\s*at .*node_modules\//.test(line))
    .slice(0, lines)
    .map((line) => `      ${line}`);

/** Vitest: each failed test, and each file that failed without a failed test (an import error, a hook). */
export function vitestFailures(report, root) {
  const out = [];
  for (const file of report?.testResults ?? []) {
    const name = relative(root, file.name);
    const failedTests = (file.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests) out.push(`  ✘ ${name} › ${test.fullName}`, ...firstLines((test.failureMessages ?? []).join('\n')));
    if (failedTests.length === 0 && file.status === 'failed') out.push(`  ✘ ${name}`, ...firstLines(file.message));
  }
  return out;
}

/** Playwright: each test whose outcome was unexpected, with its project and its last attempt's error. */
export function playwrightFailures(report) {
  const out = [];
  // The top suites are files; the ones inside are describe blocks, whose titles name the test too.
  const walk = (suite, titles) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== 'unexpected') continue;
        const last = test.results?.at(-1);
        out.push(`  ✘ [${test.projectName}] ${spec.file}:${spec.line} › ${[...titles, spec.title].join(' › ')}`, ...firstLines(last?.error?.message));
      }
    }
    for (const child of suite.suites ?? []) walk(child, [...titles, child.title]);
  };
  for (const file of report?.suites ?? []) walk(file, []);
  return out;
}
