/**
 * The next screen is built while the patient reads (issue 12, tap latency): it waits hidden and
 * inert, out of reach of screen readers and taps, and the tap that goes there shows that very
 * screen, with focus on its heading, instead of building a new one; and nothing animates.
 */
import type { Page } from '@playwright/test';
import { expect, readContentPack, t, test, ui } from './fixtures.js';

const { topics, pack } = readContentPack();
/** Any heading with this name, on screen or waiting. */
const anyHeading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true, includeHidden: true });
const shownHeading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

test('the screen a tap leads to is built ahead, hidden, and the tap shows that same screen', async ({ kiosk: page }) => {
  // On the welcome screen: the worry question waits.
  const worry = anyHeading(page, t('worry.question'));
  await expect(worry).toBeAttached();
  await expect(shownHeading(page, t('worry.question'))).toHaveCount(0);
  await expect(page.getByRole('button', { name: t('worry.3'), exact: true })).toHaveCount(0);
  const waitingWorry = await worry.elementHandle();

  await ui.start(page).click();
  await expect(shownHeading(page, t('worry.question'))).toBeFocused();
  expect(await waitingWorry!.evaluate((heading) => heading.isConnected && heading === document.activeElement)).toBe(true);

  // Answering leads to the first topic, which was built meanwhile; the second then waits in turn.
  await expect(anyHeading(page, topics[0]!.title)).toBeAttached();
  await page
    .getByRole('main')
    .getByRole('button', { name: t('worry.3'), exact: true })
    .click();
  await expect(shownHeading(page, topics[0]!.title)).toBeFocused();
  const second = anyHeading(page, topics[1]!.title);
  await expect(second).toBeAttached();
  await expect(shownHeading(page, topics[1]!.title)).toHaveCount(0);
  const waitingSecond = await second.elementHandle();

  await ui.next(page).click();
  // Nothing animates on the way: a fade or an animated press would hold the tap's frame back.
  expect(await page.evaluate(() => document.getAnimations().map((animation) => animation.constructor.name))).toEqual([]);
  await expect(shownHeading(page, topics[1]!.title)).toBeFocused();
  expect(await waitingSecond!.evaluate((heading) => heading.isConnected && heading === document.activeElement)).toBe(true);
  // The screen left behind is gone, not kept hidden: one main landmark on show, at most one waiting.
  await expect(anyHeading(page, topics[0]!.title)).toHaveCount(0);
  await expect(page.getByRole('main')).toHaveCount(1);

  // Back goes to a screen not built ahead: it is built at the tap, as before.
  await ui.back(page).click();
  await expect(shownHeading(page, topics[0]!.title)).toBeFocused();
});

test('a new session keeps nothing that was built for the last patient, at any moment', async ({ kiosk: page }) => {
  await ui.start(page).click();
  await page
    .getByRole('main')
    .getByRole('button', { name: t('worry.3'), exact: true })
    .click();
  await expect(shownHeading(page, topics[0]!.title)).toBeFocused();
  await expect(anyHeading(page, topics[1]!.title)).toBeAttached();

  // Watches every change to the page from now on: once the welcome screen is back, was either
  // topic's screen still in the page, even hidden, even for a moment (until the next idle one)?
  await page.evaluate(
    ([welcome, titles]) => {
      const headings = () => [...document.querySelectorAll('h1, h2')].map((heading) => heading.textContent?.trim());
      const w = window as unknown as { leftovers: string[] };
      w.leftovers = [];
      new MutationObserver(() => {
        const now = headings();
        if (now.includes(welcome)) w.leftovers.push(...titles.filter((title) => now.includes(title)));
      }).observe(document, { subtree: true, childList: true, characterData: true });
    },
    [pack.title, [topics[0]!.title, topics[1]!.title]] as const,
  );
  await ui.startOver(page).click();
  await expect(shownHeading(page, pack.title)).toBeVisible();
  // The next patient's first screen is built ahead again, with none of the last one's.
  await expect(anyHeading(page, t('worry.question'))).toBeAttached();
  expect(await page.evaluate(() => (window as unknown as { leftovers: string[] }).leftovers)).toEqual([]);
});
