import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script with no type declarations
import { playwrightFailures, vitestFailures } from '../../../scripts/test-failures.mjs';

describe("npm test's closing list of failures", () => {
  it('names each failed Vitest test with its file and the first lines of its error, and no passed test', () => {
    const report = {
      testResults: [
        {
          name: '/repo/tests/unit/a.test.ts',
          status: 'failed',
          assertionResults: [
            { fullName: 'a passes', status: 'passed', failureMessages: [] },
            {
              fullName: 'a breaks',
              status: 'failed',
              failureMessages: [
                '\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at a.test.ts:3:7\n    at node_modules/@vitest/runner/index.js:1:1',
              ],
            },
          ],
        },
      ],
    };
    expect(vitestFailures(report, '/repo')).toEqual([
      '  ✘ tests/unit/a.test.ts › a breaks',
      '      AssertionError: expected 1 to be 2',
      '          at a.test.ts:3:7',
    ]);
  });

  it('names a Vitest file that failed before any test ran (an import error, a failing hook)', () => {
    const report = {
      testResults: [
        {
          name: '/repo/tests/unit/b.test.ts',
          status: 'failed',
          message: 'Error: Cannot find module x imported from /repo/node_modules/y/index.js',
          assertionResults: [],
        },
      ],
    };
    expect(vitestFailures(report, '/repo')).toEqual([
      '  ✘ tests/unit/b.test.ts',
      '      Error: Cannot find module x imported from /repo/node_modules/y/index.js',
    ]);
  });

  it('names each unexpected Playwright test, nested suites included, with its last attempt’s error', () => {
    const report = {
      suites: [
        {
          title: 'x.spec.ts',
          specs: [{ title: 'fine', file: 'x.spec.ts', line: 3, tests: [{ projectName: 'e2e', status: 'expected', results: [] }] }],
          suites: [
            {
              title: 'group',
              specs: [
                {
                  title: 'breaks',
                  file: 'x.spec.ts',
                  line: 9,
                  tests: [
                    { projectName: 'e2e', status: 'unexpected', results: [{ error: { message: 'first try' } }, { error: { message: 'Timed out 5000ms' } }] },
                  ],
                },
              ],
            },
          ],
        },
      ],
    };
    expect(playwrightFailures(report)).toEqual(['  ✘ [e2e] x.spec.ts:9 › group › breaks', '      Timed out 5000ms']);
  });

  it('says nothing when there is no report (a runner that never started)', () => {
    expect([...vitestFailures(null, '/repo'), ...playwrightFailures(null)]).toEqual([]);
  });
});
