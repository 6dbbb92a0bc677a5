/** The one accessibility check every browser test uses: axe-core against WCAG 2.0–2.2, levels A and AA. */
import AxeBuilder from '@axe-core/playwright';
import type { AxeResults } from 'axe-core';
import type { Page } from '@playwright/test';
import { expect, settle, test } from './fixtures.js';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * Scans the page (or only what `include` selects) once animations have settled. Every violation
 * fails the test, listed by rule and element; the full results are attached to the report.
 * `extraTags` adds rules beyond AA, e.g. 'wcag2aaa' for 7:1 text contrast in high-contrast mode.
 */
export async function expectNoA11yViolations(page: Page, include?: string, extraTags: string[] = []): Promise<AxeResults> {
  await settle(page);
  const builder = new AxeBuilder({ page }).withTags([...WCAG_TAGS, ...extraTags]);
  const results = await (include ? builder.include(include) : builder).analyze();
  await test.info().attach('axe-results.json', { body: JSON.stringify(results, null, 2), contentType: 'application/json' });
  const found = results.violations.flatMap((violation) =>
    violation.nodes.map((node) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      target: node.target.join(' '),
      summary: node.failureSummary,
    })),
  );
  expect(found, 'axe-core violations').toEqual([]);
  // Guard against a vacuous pass: axe must actually have checked something.
  expect(results.passes.length).toBeGreaterThan(0);
  return results;
}
