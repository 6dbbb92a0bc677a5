/**
 * Every screen, in every combination a patient can choose: language × text size (normal, 200%) ×
 * contrast (normal, high) × orientation. One test per combination walks the whole journey in one
 * page and, on each screen, checks:
 *  - axe-core, WCAG 2.2 A and AA (tests/e2e/a11y.ts); in high contrast also WCAG 2 AAA, and every
 *    text at 7:1 or more (1.4.6), as axe measures it;
 *  - reflow: nothing scrolls sideways and no box's content spills out of it sideways (WCAG 1.4.10);
 *  - no role="alert" inside another live region (it would be announced twice).
 *
 * Every language of the fixtures' LANGUAGES is walked, with its own strings, controls and content.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { AxeResults } from 'axe-core';
import { expectNoA11yViolations } from './a11y.js';
import { expect, LANGUAGES, ORIENTATIONS, settle, test, type TestLanguage } from './fixtures.js';

const TEXT_SIZES = [
  { name: 'normal text', taps: 0 },
  { name: '200% text', taps: 2 },
] as const;
const CONTRASTS = [
  { name: 'normal contrast', high: false },
  { name: 'high contrast', high: true },
] as const;

/** English is the default; another language is chosen on the top bar's switch, by its name in itself. */
async function chooseLanguage(page: Page, { locale, name, ui }: TestLanguage): Promise<void> {
  if (locale === 'en') return;
  await ui.language(page, name).click();
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/**
 * Reflow: the page does not scroll sideways, no scrolling area scrolls sideways, and no text spills
 * sideways out of its own box or the window (which is how truncation shows).
 */
async function expectReflow(page: Page): Promise<void> {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > window.innerWidth + 1) found.push(`the page is ${root.scrollWidth} px wide in a ${window.innerWidth} px window`);
    const describe = (element: HTMLElement) => `<${element.tagName.toLowerCase()}> "${(element.innerText || '').trim().slice(0, 40)}"`;
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      // Skipped: what is hidden, only for screen readers, or decoration (aria-hidden).
      if (!element.checkVisibility() || element.closest('[aria-hidden="true"], .visually-hidden')) continue;
      const style = getComputedStyle(element);
      const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
      const hasText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
      if ((scrolls || (hasText && style.display !== 'inline')) && element.scrollWidth > element.clientWidth + 1) {
        found.push(`${describe(element)}: content ${element.scrollWidth} px in a ${element.clientWidth} px box`);
      }
      const box = element.getBoundingClientRect();
      if (hasText && (box.left < -1 || box.right > window.innerWidth + 1)) found.push(`${describe(element)}: outside the window (${box.left}–${box.right})`);
    }
    return found;
  });
  expect(problems, 'nothing overflows sideways').toEqual([]);
}

/**
 * Every text's contrast, as axe measured it for its color-contrast-enhanced rule. (That rule lets
 * large text pass at 4.5:1, and at kiosk sizes almost all text is large: the 7:1 is checked here.)
 * Text axe did not measure (under a modal's backdrop, scrolled half out of view) is left out.
 */
function textContrasts(results: AxeResults): { target: string; ratio: number }[] {
  return [...results.passes, ...results.violations]
    .filter((rule) => rule.id === 'color-contrast-enhanced')
    .flatMap((rule) => rule.nodes)
    .map((node) => ({ target: node.target.join(' '), ratio: (node.any[0]?.data as { contrastRatio?: number } | null)?.contrastRatio }))
    .filter((text): text is { target: string; ratio: number } => typeof text.ratio === 'number');
}

function expectAllTextAtLeast(results: AxeResults, ratio: number): void {
  const contrasts = textContrasts(results);
  expect(contrasts.length, 'axe measured the text').toBeGreaterThan(0);
  expect(
    contrasts.filter((text) => text.ratio < ratio),
    `text under ${ratio}:1`,
  ).toEqual([]);
}

test('the 7:1 check can fail: in normal contrast some text is under 7:1 (white on the accent)', async ({ kiosk: page }) => {
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const results = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  expect(Math.min(...textContrasts(results).map((text) => text.ratio))).toBeLessThan(7);
});

for (const language of LANGUAGES) {
  for (const textSize of TEXT_SIZES) {
    for (const contrast of CONTRASTS) {
      for (const orientation of ORIENTATIONS) {
        test.describe(`${language.locale}, ${textSize.name}, ${contrast.name}, ${orientation.name}`, () => {
          test.use({ viewport: orientation.viewport });

          test('every screen passes axe, reflows, and announces once', async ({ kiosk: page }) => {
            test.setTimeout(240_000);
            const { t: s, ui } = language;
            const { pack } = language.content;
            const banner = page.getByRole('banner');
            const main = page.getByRole('main');
            const button = (scope: typeof page | typeof main, name: string) => scope.getByRole('button', { name, exact: true });

            async function check(screen: string) {
              await test.step(screen, async () => {
                await settle(page);
                // High contrast adds WCAG 2 AAA's rules, and all text at 7:1 or more (WCAG 1.4.6).
                const results = await expectNoA11yViolations(page, undefined, contrast.high ? ['wcag2aaa'] : []);
                if (contrast.high) expectAllTextAtLeast(results, 7);
                await expectReflow(page);
                expect(await page.locator(':is([aria-live], [role="status"], [role="log"]) [role="alert"]').count(), 'no alert inside a live region').toBe(0);
              });
            }

            await chooseLanguage(page, language);
            for (let tap = 0; tap < textSize.taps; tap++) await ui.textSize(page).click();
            if (contrast.high) {
              await button(banner, s('topbar.highContrast')).click();
              await expect(button(banner, s('topbar.highContrast'))).toHaveAttribute('aria-pressed', 'true');
            }

            await check('welcome');
            await ui.disclaimerButton(page).click();
            await expect(page.getByRole('dialog', { name: pack.disclaimer.title })).toBeVisible();
            await check('disclaimer');
            await page.keyboard.press('Escape');

            await ui.start(page).click();
            await check('worry question');
            await ui.skip(page).click();

            for (const [index, id] of pack.journey.entries()) {
              await expect(ui.progress(page, index + 1, pack.journey.length)).toBeVisible();
              if (id === 'faq') for (const item of pack.faq.items) await button(main, item.question).click();
              await check(`topic ${index + 1}: ${id}`);
              if (index === 0) {
                await ui.allTopics(page).click();
                await check('all topics');
                await page.keyboard.press('Escape');
              }
              await (index === pack.journey.length - 1 ? ui.finish(page) : ui.next(page)).click();
            }

            await expect(ui.heading(page)).toHaveText(pack.closing.title);
            await check('closing');
            await ui.shareFeedback(page).click();
            for (const step of ['worry after', 'helpfulness', 'answered']) {
              await expect(ui.skip(page)).toBeVisible();
              await check(`feedback: ${step}`);
              await ui.skip(page).click();
            }
            await main.getByRole('textbox', { name: s('comment.label') }).click();
            await expect(ui.keyboard(page)).toBeVisible();
            await check('feedback: comment, keyboard up');
            await button(main, s('feedback.submit')).click();
            await expect(main.getByRole('heading', { name: s('thanks.title') })).toBeVisible();
            await check('thank you');
          });
        });
      }
    }
  }
}
