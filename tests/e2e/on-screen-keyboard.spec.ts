/**
 * The on-screen keyboard, tapped the way a patient taps it (touch events on its keys), in real
 * Chromium against the real kiosk: a Spanish comment reaches SQLite exactly; each key answers in
 * the same task as the tap; the 500-character limit holds; with the UI in Spanish the keyboard is
 * Spanish; the keyboard never covers the field, in the patient's comment box (both languages, every
 * text size) and the staff panel's fields, in both orientations; and a reset leaves nothing behind.
 */
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { readStoredFeedback } from '../support/stored-feedback.js';
import { expect, LANGUAGES, openCommentBox, ORIENTATIONS, settle, t, ui, type TestLanguage } from './fixtures.js';
import { staff, test, unlockAs } from './staff-helpers.js';

test.use({ hasTouch: true });

const commentBox = (page: Page) => page.getByRole('main').getByRole('textbox', { name: t('comment.label') });

const [english, spanish] = LANGUAGES;

/** Types `text` by tapping keys: Shift before a capital, Space for a space (key names in `language`). */
async function tapOut(scope: Page | Locator, text: string, { t, ui }: Pick<TestLanguage, 't' | 'ui'> = english): Promise<void> {
  for (const char of text) {
    if (char === ' ') {
      await ui.key(scope, t('keyboard.space')).tap();
    } else {
      if (char !== char.toLocaleLowerCase()) await ui.key(scope, t('keyboard.shift')).tap();
      await ui.key(scope, char).tap();
    }
  }
}

/** The keyboard and the focused field, as rectangles on the screen: they must not overlap; keys are big. */
async function expectFieldClearOfKeyboard(page: Page, scope: Page | Locator = page, { ui } = english): Promise<void> {
  await expect(ui.keyboard(scope)).toBeVisible();
  await settle(page);
  const field = page.locator(':focus');
  await expect(field).toHaveCount(1);
  const [fieldBox, keyboardBox] = [(await field.boundingBox())!, (await ui.keyboard(scope).boundingBox())!];
  const overlap = fieldBox.y + fieldBox.height > keyboardBox.y + 0.5 && keyboardBox.y + keyboardBox.height > fieldBox.y + 0.5;
  expect(overlap, `field ${JSON.stringify(fieldBox)} overlaps keyboard ${JSON.stringify(keyboardBox)}`).toBe(false);
  // Every key at least 64×64 px.
  const keys = await ui
    .keyboard(scope)
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((key) => ({ name: key.textContent, ...key.getBoundingClientRect().toJSON() })));
  expect(
    keys.filter((key) => key.width < 64 || key.height < 64),
    'keys under 64 px',
  ).toEqual([]);
  // Fully shown, give or take the sub-pixel rounding of a scrolled box.
  await expect(field).toBeInViewport({ ratio: 0.99 });
  await expect(ui.keyboard(scope)).toBeInViewport({ ratio: 1 });
}

test('a Spanish comment with ñ, accents and ¿¡, tapped out on the keyboard, is stored exactly', async ({ kiosk: page, content, server }) => {
  const comment = await openCommentBox(page, content);
  await expect(ui.keyboard(page)).toHaveCount(0);
  await comment.tap();
  await expect(ui.keyboard(page)).toBeVisible();
  // The layout key names the other layout in its own language.
  await ui.key(page, 'Español').tap();
  await expect(ui.key(page, 'ñ')).toBeVisible();
  await expect(ui.key(page, 'English')).toBeVisible();

  const text = '¿Qué tal? ¡Aquí todo es útil! Señora, pingüino y acción.';
  await tapOut(page, text);
  // A slip, then Backspace takes it back.
  await ui.key(page, 'x').tap();
  await ui.key(page, t('keyboard.backspace')).tap();
  await expect(comment).toHaveValue(text);
  await expect(comment).toBeFocused();
  await expect(page.getByRole('main').getByText(t('comment.counter', { count: text.length, max: 500 }))).toBeVisible();
  await expect(page.getByRole('main').getByText(t('comment.privacy'))).toBeVisible();

  await page
    .getByRole('main')
    .getByRole('button', { name: t('feedback.submit') })
    .tap();
  await expect(ui.heading(page)).toHaveText(t('thanks.title'));
  await expect(ui.keyboard(page)).toHaveCount(0);
  const rows = readStoredFeedback(join(server.dataDir, 'kiosk.db'), 'comment = ?', text);
  expect(rows).toHaveLength(1);
  expect(rows[0]!.comment).toBe(text);
});

test('with the UI in Spanish the keyboard is Spanish, and a comment tapped out on it is stored exactly, as "es"', async ({ kiosk: page, server }) => {
  await spanish.ui.language(page, spanish.name).click();
  const comment = await openCommentBox(page, spanish.content, spanish);
  await comment.tap();
  // Spanish first, with its key names; the layout key offers English, named in English.
  const { t: s, ui: es } = spanish;
  await expect(es.keyboard(page)).toBeVisible();
  await expect(es.keyboard(page)).toHaveAttribute('lang', 'es');
  for (const name of [
    'ñ',
    'á',
    'é',
    'í',
    'ó',
    'ú',
    'ü',
    '¿',
    '¡',
    s('keyboard.shift'),
    s('keyboard.backspace'),
    s('keyboard.space'),
    s('keyboard.done'),
    english.name,
  ]) {
    await expect(es.key(page, name)).toBeVisible();
  }
  await expect(es.key(page, spanish.name)).toHaveCount(0);

  const text = '¿Dónde está la señora? ¡Qué útil! Pingüino, acción y más.';
  await tapOut(page, text, spanish);
  await es.key(page, 'x').tap();
  await es.key(page, s('keyboard.backspace')).tap();
  await expect(comment).toHaveValue(text);
  await page
    .getByRole('main')
    .getByRole('button', { name: s('feedback.submit') })
    .tap();
  await expect(es.heading(page)).toHaveText(s('thanks.title'));
  const rows = readStoredFeedback(join(server.dataDir, 'kiosk.db'), 'comment = ?', text);
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ comment: text, locale: 'es' });
});

test('a key types in the same task as the tap, Shift lasts one letter, and 500 characters is the limit', async ({ kiosk: page, content }) => {
  const comment = await openCommentBox(page, content);
  await comment.tap();
  // No async work on a tap: the field has the character before the click handler's task ends.
  const sameTask = await ui.key(page, 'q').evaluate((key) => {
    const field = document.activeElement as HTMLTextAreaElement;
    const before = field.value;
    (key as HTMLButtonElement).click();
    return field.value === `${before}q`;
  });
  expect(sameTask).toBe(true);

  await ui.key(page, t('keyboard.shift')).tap();
  await expect(ui.key(page, t('keyboard.shift'))).toHaveAttribute('aria-pressed', 'true');
  await ui.key(page, 'A').tap();
  await ui.key(page, 'a').tap();
  await expect(comment).toHaveValue('qAa');

  await comment.fill('b'.repeat(499));
  await ui.key(page, 'c').tap();
  await ui.key(page, 'd').tap();
  await expect(comment).toHaveValue(`${'b'.repeat(499)}c`);
  await expect(page.getByRole('main').getByText(t('comment.counter', { count: 500, max: 500 }))).toBeVisible();
});

test('the bars step aside while typing; Done lowers the keyboard and brings them back; a tap on the field raises it again', async ({
  kiosk: page,
  content,
}) => {
  const comment = await openCommentBox(page, content);
  await comment.tap();
  await expect(ui.bottomNav(page)).toBeHidden();
  await expect(page.getByRole('banner')).toBeHidden();
  await ui.key(page, t('keyboard.done')).tap();
  await expect(ui.keyboard(page)).toHaveCount(0);
  await expect(ui.bottomNav(page)).toBeVisible();
  await expect(ui.startOver(page)).toBeVisible();
  await expect(comment).toBeFocused();
  await comment.tap();
  await expect(ui.keyboard(page)).toBeVisible();
  // Focus moving to anything that is not a text field lowers it too.
  await page
    .getByRole('main')
    .getByRole('button', { name: t('feedback.submit') })
    .focus();
  await expect(ui.keyboard(page)).toHaveCount(0);
});

test('Start over leaves nothing typed, nor the layout chosen', async ({ kiosk: page, content }) => {
  const comment = await openCommentBox(page, content);
  await comment.tap();
  await ui.key(page, 'Español').tap();
  await tapOut(page, 'ñu');
  // Start over is in the top bar, which is back once Done has lowered the keyboard.
  await ui.key(page, t('keyboard.done')).tap();
  await ui.startOver(page).tap();
  await expect(ui.keyboard(page)).toHaveCount(0);
  expect(await page.content()).not.toContain('ñu');
  // The next patient gets an empty box and the language's own layout again.
  await openCommentBox(page, content);
  await expect(commentBox(page)).toHaveValue('');
  await commentBox(page).tap();
  await expect(ui.key(page, 'Español')).toBeVisible();
});

for (const orientation of ORIENTATIONS) {
  test.describe(orientation.name, () => {
    test.use({ viewport: orientation.viewport });

    for (const language of LANGUAGES) {
      test(`${language.name}: the keyboard never covers the comment box, at 100%, 150% and 200% text`, async ({ kiosk: page }) => {
        const { t, ui } = language;
        if (language !== english) await ui.language(page, language.name).click();
        const comment = await openCommentBox(page, language.content, language);
        for (const size of ['normal', 'large', 'larger'] as const) {
          await expect(ui.textSize(page)).toHaveAccessibleName(t(`topbar.textSize.${size}`));
          await comment.tap();
          await expectFieldClearOfKeyboard(page, page, language);
          // Several lines typed: the box keeps its place above the keyboard.
          await comment.fill('line\n'.repeat(12));
          await ui.key(page, 'z').tap();
          await expectFieldClearOfKeyboard(page, page, language);
          await comment.fill('');
          // Done brings the top bar back, and with it the text size control.
          await ui.key(page, t('keyboard.done')).tap();
          if (size !== 'larger') await ui.textSize(page).click();
        }
      });
    }

    test("the staff panel's text fields get the keyboard, never under it", async ({ kiosk: page }) => {
      const panel = await unlockAs(page, 'admin');
      await staff.tab(panel, 'settings').click();
      const section = staff.section(panel);
      const field = (label: 'settings.idleTimeoutSeconds' | 'settings.kioskId' | 'settings.syncEndpoint') =>
        section.getByRole('textbox', { name: t(label) }).or(section.getByRole('spinbutton', { name: t(label) }));
      // The patient's keyboard is behind the modal panel; the panel has its own.
      for (const label of ['settings.idleTimeoutSeconds', 'settings.kioskId', 'settings.syncEndpoint'] as const) {
        await field(label).tap();
        await expectFieldClearOfKeyboard(page, panel);
        await expect(ui.keyboard(page)).toHaveCount(1);
      }
      // A number field takes digits: Backspace twice clears "90".
      await field('settings.idleTimeoutSeconds').tap();
      await ui.key(panel, t('keyboard.backspace')).tap();
      await ui.key(panel, t('keyboard.backspace')).tap();
      await tapOut(panel, '120');
      await expect(field('settings.idleTimeoutSeconds')).toHaveValue('120');
      // Closing the panel lowers its keyboard.
      await panel
        .getByRole('button', { name: t('dialog.close'), exact: true })
        .first()
        .tap();
      await expect(panel).toBeHidden();
      await expect(ui.keyboard(page)).toHaveCount(0);
    });
  });
}
