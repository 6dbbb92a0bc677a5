/**
 * Shared by the idle-reset specs. They run on Playwright's clock, installed before the kiosk page
 * loads, at the kiosk's real default lengths: `page.clock` makes the idle time and the countdown
 * pass at once instead of the test waiting for them.
 */
import type { Page } from '@playwright/test';
import * as v from 'valibot';
import { KioskConfigSchema } from '../../electron/common/config/schema.js';
import { expect, t, test as base, toFeedback, ui } from './fixtures.js';

const defaults = v.parse(KioskConfigSchema, {});
export const IDLE_MS = defaults.idleTimeoutSeconds * 1000;
export const WARNING_SECONDS = defaults.idleWarningSeconds;

/** Overrides the `page` fixture (and so the `kiosk` page built on it) with one on Playwright's clock. */
export const onPlaywrightClock = {
  page: async ({ page }: { page: Page }, use: (page: Page) => Promise<void>) => {
    await page.clock.install();
    await use(page);
  },
};
export const test = base.extend(onPlaywrightClock);

/** The patient walks away: the idle time passes, and the warning appears. */
export async function idleTimePasses(page: Page): Promise<void> {
  await page.clock.fastForward(IDLE_MS);
}

/** The warning's countdown runs out, one tick a second (runFor fires every interval on the way). */
export async function countdownRunsOut(page: Page): Promise<void> {
  await page.clock.runFor(WARNING_SECONDS * 1000);
}

export const warning = (page: Page) => page.getByRole('dialog', { name: t('idle.title') });
export const main = (page: Page) => page.getByRole('main');

/** What a brand-new page shows: the reference that a reset must return to exactly. */
export async function freshWelcomeText(page: Page, url: string): Promise<string> {
  const fresh = await page.context().newPage();
  await fresh.goto(url);
  await expect(ui.start(fresh)).toBeVisible();
  const text = await fresh.locator('body').innerText();
  await fresh.close();
  return text;
}

/** A patient who answered, chose a bigger text, typed a comment and opened a dialog, then walked away. */
export async function leaveTracesAndWalkAway(page: Page, comment: string) {
  await ui.start(page).click();
  await main(page)
    .getByRole('button', { name: t('worry.5') })
    .click();
  await main(page)
    .getByRole('group', { name: t('topicHelpful.question') })
    .getByRole('button', { name: t('topicHelpful.yes'), exact: true })
    .click();
  await ui.textSize(page).click();
  await ui.textSize(page).click();
  await ui.allTopics(page).click();
  const list = ui.topicList(page);
  await list.getByRole('button').last().click();
  await toFeedback(page);
  for (let question = 0; question < 3; question++) await ui.skip(page).click();
  await main(page)
    .getByRole('textbox', { name: t('comment.label') })
    .fill(comment);
  // The on-screen keyboard rose with the focus; Done lowers it and the bottom bar is back.
  await ui.key(page, t('keyboard.done')).click();
  await expect(ui.keyboard(page)).toHaveCount(0);
  await main(page)
    .getByRole('textbox', { name: t('comment.label') })
    .evaluate((box) => box.scrollIntoView());
  await ui.disclaimerButton(page).click();
  await expect(page.getByRole('dialog').first()).toBeVisible();
}

/**
 * After a reset (idle, or staff's End session): the welcome screen exactly as a fresh page shows it,
 * and nothing of the patient in the DOM, storage or history.
 */
export async function expectNoTraceOf(page: Page, patient: { reference: string; historyBefore: number; comment: string }): Promise<void> {
  // The DOM: the same text as a fresh page, no dialog open, no pressed answer, no comment box.
  expect(await page.locator('body').innerText()).toBe(patient.reference);
  await expect(page.locator('dialog[open]')).toHaveCount(0);
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(0);
  await expect(page.locator('textarea')).toHaveCount(0);
  await expect(ui.keyboard(page)).toHaveCount(0);
  expect(await page.content()).not.toContain(patient.comment);
  // Storage and history: nothing written, nothing pushed.
  const traces = await page.evaluate(async () => ({
    local: localStorage.length,
    session: sessionStorage.length,
    databases: (await indexedDB.databases()).length,
    history: history.length,
    fontSize: document.documentElement.style.fontSize,
    scrolled: [...document.querySelectorAll('*')].filter((el) => el.scrollTop > 0).length,
  }));
  expect(traces).toEqual({ local: 0, session: 0, databases: 0, history: patient.historyBefore, fontSize: '100%', scrolled: 0 });
}
