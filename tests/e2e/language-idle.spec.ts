/**
 * The language resets at idle: a patient who chose Spanish and walked away leaves the kiosk in
 * English. The kiosk runs on its default lengths, on Playwright's clock (see idle-helpers.ts).
 */
import type { Page } from '@playwright/test';
import { expect, expectWelcome, LANGUAGES } from './fixtures';
import { countdownRunsOut, idleTimePasses, test } from './idle-helpers.js';

const [english, spanish] = LANGUAGES;

/** The warning comes in the patient's language; then the kiosk starts over in English. */
async function expectResetToEnglish(page: Page) {
  await idleTimePasses(page);
  await expect(page.getByRole('dialog', { name: spanish.t('idle.title') })).toBeVisible();
  await countdownRunsOut(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectWelcome(page, english.content.pack, english);
  await expect(english.ui.language(page, english.name)).toHaveAttribute('aria-current', 'true');
}

test('a patient who chose Spanish and walked away leaves the kiosk in English', async ({ kiosk: page }) => {
  await spanish.ui.language(page, spanish.name).click();
  await spanish.ui.start(page).click();
  await expect(spanish.ui.worryQuestion(page)).toBeVisible();
  await expectResetToEnglish(page);
});

test('a language chosen on the welcome screen alone is reset too', async ({ kiosk: page }) => {
  await spanish.ui.language(page, spanish.name).click();
  await expectWelcome(page, spanish.content.pack, spanish);
  await expectResetToEnglish(page);
});
