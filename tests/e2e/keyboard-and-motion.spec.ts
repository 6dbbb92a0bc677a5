/**
 * Without a touchscreen: the whole journey with a keyboard or a switch (Tab, Enter, Space only),
 * the on-screen keyboard included; screen changes announced through the live region; and no
 * motion at all when the system asks for reduced motion.
 */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readStoredFeedback } from '../support/stored-feedback.js';
import { expect, expectTopic, openCommentBox, settle, t, test, ui } from './fixtures.js';

/** A switch's scan, or Tab: moves focus forward until `target` has it (bounded, so it always ends). */
async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let press = 0; press < maxPresses; press++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Moves focus to `target` and activates it with Enter or Space, as a keyboard or switch does. */
async function activate(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

const main = (page: Page) => page.getByRole('main');
const mainButton = (page: Page, name: string) => main(page).getByRole('button', { name, exact: true });
/** The patient screens' one status region: the announcer. */
const announcer = (page: Page) => page.getByRole('status');

test('the whole journey, feedback included, with Tab, Enter and Space only', async ({ kiosk: page, content, server }) => {
  test.setTimeout(120_000);
  const { topics, pack } = content;
  await activate(page, ui.start(page));
  await activate(page, mainButton(page, t('worry.3')), 'Space');

  for (const [index, topic] of topics.entries()) {
    await expectTopic(page, topics, index);
    // Each new screen starts at its heading, so Tab goes on from there.
    await expect(ui.heading(page)).toBeFocused();
    if (index === 0)
      await activate(
        page,
        main(page)
          .getByRole('group', { name: t('topicHelpful.question') })
          .getByRole('button', { name: t('topicHelpful.yes') }),
        'Space',
      );
    if (topic.kind === 'faq') {
      await activate(page, mainButton(page, pack.faq.items[0]!.question));
      await expect(page.getByText(pack.faq.items[0]!.answer, { exact: true })).toBeVisible();
    }
    await activate(page, index === topics.length - 1 ? ui.finish(page) : ui.next(page));
  }

  await expect(ui.heading(page)).toHaveText(pack.closing.title);
  await activate(page, ui.shareFeedback(page));
  await activate(page, mainButton(page, t('worry.2')));
  await activate(page, mainButton(page, t('helpfulness.4')), 'Space');
  await activate(page, mainButton(page, t('answered.yes')));

  // The comment, typed on the on-screen keyboard's keys the way a switch user types: scan, select.
  const comment = main(page).getByRole('textbox', { name: t('comment.label') });
  await tabTo(page, comment);
  await expect(ui.keyboard(page)).toBeVisible();
  for (const char of 'ok') await activate(page, ui.key(page, char));
  await activate(page, ui.key(page, t('keyboard.done')));
  await expect(ui.keyboard(page)).toHaveCount(0);
  await expect(comment).toBeFocused();
  await expect(comment).toHaveValue('ok');
  await activate(page, mainButton(page, t('feedback.submit')));
  await expect(ui.heading(page)).toHaveText(t('thanks.title'));

  const [row] = readStoredFeedback(join(server.dataDir, 'kiosk.db'), '1 ORDER BY seq DESC LIMIT 1');
  expect(row).toMatchObject({
    worry_before: 3,
    worry_after: 2,
    overall_helpfulness: 4,
    answered_questions: 'yes',
    comment: 'ok',
    topics: { [topics[0]!.id]: true },
  });
});

test('each screen change is announced once, through the live region', async ({ kiosk: page, content }) => {
  const { topics, pack } = content;
  await expect(announcer(page)).toHaveCount(1);
  await ui.start(page).click();
  await expect(announcer(page)).toHaveText(t('worry.question'));
  await ui.skip(page).click();
  await expect(announcer(page)).toHaveText(t('announce.topic', { title: topics[0]!.title, current: 1, total: topics.length }));
  await ui.next(page).click();
  await expect(announcer(page)).toHaveText(t('announce.topic', { title: topics[1]!.title, current: 2, total: topics.length }));
  await ui.startOver(page).click();
  await expect(announcer(page)).toHaveText(pack.title);
  // The only live regions: the announcer, and none of them holds an alert (read twice).
  expect(await page.locator(':is([aria-live], [role="status"], [role="log"]) [role="alert"]').count()).toBe(0);
});

test.describe('reduced motion', () => {
  test.use({ reducedMotion: 'reduce' });

  test('nothing moves: not the attract loop, screen changes or the rising keyboard', async ({ kiosk: page, content }) => {
    const running = () => page.evaluate(() => document.getAnimations().length);
    expect(await running(), 'the welcome screen, attract loop included').toBe(0);
    await ui.start(page).click();
    expect(await running(), 'entering a screen').toBe(0);
    await ui.skip(page).click();
    await expectTopic(page, content.topics, 0);
    expect(await running(), 'a topic').toBe(0);
    await ui.startOver(page).click();
    await (await openCommentBox(page, content)).click();
    await expect(ui.keyboard(page)).toBeVisible();
    expect(await running(), 'the keyboard rising').toBe(0);
  });
});

test('without reduced motion the welcome screen does move (so the test above can fail)', async ({ kiosk: page }) => {
  await settle(page);
  expect(await page.evaluate(() => document.getAnimations().length)).toBeGreaterThan(0);
});
