/**
 * A third language takes only a content file and a strings file: the pseudo-locale "xx" is
 * generated from the English files into a temp content folder (tests/support/pseudo-locale.ts),
 * the kiosk is pointed at that folder's pack, and "xx" appears on the switch and works.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { makePseudoLocaleDir, PSEUDO_LOCALE } from '../support/pseudo-locale.js';
import { expect, expectTopic, expectWelcome, LANGUAGES, openCommentBox, readContentPack, stringsFor, test, uiIn } from './fixtures';

const [english, spanish] = LANGUAGES;

const { dir, packFile } = makePseudoLocaleDir();
test.use({ kioskConfig: { contentFile: packFile } });
// Every process that loads this file makes its own folder, Playwright's listing one included, and
// runs no hook there: each removes its folder as it exits.
process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
const t = stringsFor(PSEUDO_LOCALE, dir);
const pseudo = { t, ui: uiIn(t), content: readContentPack(join(dir, `ketamine-addiction.${PSEUDO_LOCALE}.yaml`)) };

test('takes only a content file and a strings file: the pseudo-locale "xx"', async ({ kiosk: page }) => {
  // Three languages on the switch now, each marked with its own language.
  await expect(page.getByRole('banner').locator('button[lang]')).toHaveCount(3);
  await page.getByRole('banner').locator(`button[lang="${PSEUDO_LOCALE}"]`).click();
  await expect(page.locator('html')).toHaveAttribute('lang', PSEUDO_LOCALE);
  await expectWelcome(page, pseudo.content.pack, pseudo);
  await pseudo.ui.start(page).click();
  await pseudo.ui.skip(page).click();
  await expectTopic(page, pseudo.content.topics, 0, pseudo);
  for (const text of pseudo.content.topics[0]!.texts) await expect(page.getByRole('main')).toContainText(text);
  // And Spanish is still offered beside it.
  await spanish.ui.language(page, spanish.name).click();
  await expectTopic(page, spanish.content.topics, 0, spanish);
});

test('with no keyboard layout of its own, "xx" types on the English one, and the layout key offers Spanish, which the kiosk has', async ({ kiosk: page }) => {
  await page.getByRole('banner').locator(`button[lang="${PSEUDO_LOCALE}"]`).click();
  const comment = await openCommentBox(page, pseudo.content, pseudo);
  await comment.click();
  await expect(pseudo.ui.key(page, 'q')).toBeVisible();
  await expect(pseudo.ui.key(page, 'ñ')).toHaveCount(0);
  await expect(pseudo.ui.key(page, spanish.name)).toBeVisible();
  await expect(pseudo.ui.key(page, english.name)).toHaveCount(0);
  // Its key names are the language's own words.
  await expect(pseudo.ui.key(page, t('keyboard.done'))).toBeVisible();
  await pseudo.ui.key(page, spanish.name).click();
  await expect(pseudo.ui.key(page, 'ñ')).toBeVisible();
  await expect(pseudo.ui.key(page, english.name)).toBeVisible();
});
