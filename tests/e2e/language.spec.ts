/**
 * The language switch: on every kind of screen the whole screen changes at once (words, content,
 * `lang`), the patient stays where they were, feedback is stored with the language read, the next
 * patient starts in English again, and only the chosen language is ever downloaded.
 * (Every screen in Spanish, in both orientations, is photographed by orientation.spec.ts.)
 */
import { join } from 'node:path';
import type { Page, Request } from '@playwright/test';
import { readStoredFeedback } from '../support/stored-feedback.js';
import { expectNoA11yViolations } from './a11y.js';
import { expect, expectTopic, expectWelcome, LANGUAGES, test, type TestLanguage } from './fixtures';

const [english, spanish] = LANGUAGES;
const html = (page: Page) => page.locator('html');

/** Taps a language on the top bar and checks that the whole screen follows. */
async function choose(page: Page, language: TestLanguage): Promise<void> {
  await language.ui.language(page, language.name).click();
  await expect(html(page)).toHaveAttribute('lang', language.locale);
  await expect(language.ui.language(page, language.name)).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('banner').getByRole('group', { name: language.t('language.label') })).toBeVisible();
}

test('each kind of screen switches language at once, and the patient stays where they were', async ({ kiosk: page, server }) => {
  const [en, es] = [english.content, spanish.content];
  const marker = `¿Señal única ${Date.now().toString(36).replace(/\d/g, 'x')}? ¡Sí!`;

  await test.step('welcome', async () => {
    await expect(html(page)).toHaveAttribute('lang', 'en');
    await expect(english.ui.language(page, english.name)).toHaveAttribute('aria-current', 'true');
    await choose(page, spanish);
    await expectWelcome(page, es.pack, spanish);
    await expect(page.getByText(spanish.t('welcome.topicsCount_other', { count: es.topics.length }), { exact: true })).toBeVisible();
    await choose(page, english);
    await expectWelcome(page, en.pack, english);
    await choose(page, spanish);
    await spanish.ui.start(page).click();
  });

  await test.step('a question', async () => {
    await expect(spanish.ui.worryQuestion(page)).toBeVisible();
    await choose(page, english);
    await expect(english.ui.worryQuestion(page)).toBeVisible();
    await choose(page, spanish);
    await spanish.ui
      .worryQuestion(page)
      .getByRole('button', { name: spanish.t('worry.2'), exact: true })
      .click();
  });

  await test.step('topics: text, table and content from the Spanish pack', async () => {
    await expectTopic(page, es.topics, 0, spanish);
    for (const text of es.topics[0]!.texts) await expect(page.getByRole('main')).toContainText(text);
    const comparison = es.topics.findIndex((topic) => topic.kind === 'comparison');
    for (let index = 1; index <= comparison; index++) await spanish.ui.next(page).click();
    await expectTopic(page, es.topics, comparison, spanish);
    const { columns } = es.pack.comparison;
    await expect(page.getByRole('table').getByRole('columnheader')).toHaveText([columns.factor, columns.medical, columns.recreational]);
    // English and back, on the same topic.
    await choose(page, english);
    await expectTopic(page, en.topics, comparison, english);
    await expect(page.getByRole('table').getByRole('columnheader')).toHaveText(Object.values(en.pack.comparison.columns));
    await choose(page, spanish);
    await expectTopic(page, es.topics, comparison, spanish);
    await spanish.ui.disclaimerButton(page).click();
    await expect(spanish.ui.dialog(page, es.pack.disclaimer.title)).toContainText(es.pack.disclaimer.text);
    await spanish.ui.close(spanish.ui.dialog(page, es.pack.disclaimer.title)).click();
    for (let index = comparison + 1; index < es.topics.length; index++) await spanish.ui.next(page).click();
    await spanish.ui.finish(page).click();
  });

  await test.step('closing', async () => {
    await expect(spanish.ui.heading(page)).toHaveText(es.pack.closing.title);
    await choose(page, english);
    await expect(english.ui.heading(page)).toHaveText(en.pack.closing.title);
    await choose(page, spanish);
    await spanish.ui.shareFeedback(page).click();
  });

  await test.step('feedback, stored with locale "es"', async () => {
    for (let question = 0; question < 3; question++) await spanish.ui.skip(page).click();
    const comment = page.getByRole('textbox', { name: spanish.t('comment.label') });
    await comment.fill(marker);
    // Numbers come out through the language's own formats.
    await expect(page.getByText(spanish.t('comment.counter', { count: marker.length, max: 500 }), { exact: true })).toBeVisible();
    await page.getByRole('button', { name: spanish.t('feedback.submit'), exact: true }).click();
    await expect(spanish.ui.heading(page)).toHaveText(spanish.t('thanks.title'));
    const rows = readStoredFeedback(join(server.dataDir, 'kiosk.db'), 'comment = ?', marker);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ locale: 'es', content_version: es.pack.version, worry_before: 2 });
  });

  await test.step('thank you, then the next patient starts in English', async () => {
    await choose(page, english);
    await expect(english.ui.heading(page)).toHaveText(english.t('thanks.title'));
    await choose(page, spanish);
    await spanish.ui.backToStart(page).click();
    await expectWelcome(page, en.pack, english);
    await expect(html(page)).toHaveAttribute('lang', 'en');
    await expect(english.ui.language(page, english.name)).toHaveAttribute('aria-current', 'true');
  });
});

test('Start over puts the next patient back in English', async ({ kiosk: page }) => {
  await choose(page, spanish);
  await spanish.ui.start(page).click();
  await spanish.ui.skip(page).click();
  await expectTopic(page, spanish.content.topics, 0, spanish);
  await spanish.ui.startOver(page).click();
  await expectWelcome(page, english.content.pack, english);
  await expect(html(page)).toHaveAttribute('lang', 'en');
});

test('the language buttons are named in themselves, carry their own lang, and are 64 px targets; no axe findings in Spanish', async ({ kiosk: page }) => {
  for (const language of LANGUAGES) {
    const button = english.ui.language(page, language.name);
    await expect(button).toHaveAttribute('lang', language.locale);
    const box = (await button.boundingBox())!;
    expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(64);
  }
  await expect(page.getByRole('banner').getByRole('img')).toHaveCount(1); // the clinic's logo; no flags
  await choose(page, spanish);
  await expectNoA11yViolations(page);
});

test('a patient downloads only the language they use, and no staff strings', async ({ page, server }) => {
  const requests: Request[] = [];
  const bodies: string[] = [];
  page.on('request', (request) => requests.push(request));
  page.on('response', async (response) => {
    if (/\.(js|css)$/.test(new URL(response.url()).pathname)) bodies.push(await response.text());
  });
  await page.goto(server.kioskUrl);
  await expect(english.ui.start(page)).toBeVisible();
  const languageCalls = () => requests.filter((request) => new URL(request.url()).pathname === '/api/getLocale');
  expect(languageCalls()).toHaveLength(0);
  // Neither the Spanish words nor the staff panel's are in what loaded.
  const loaded = bodies.join('\n');
  expect(bodies.length).toBeGreaterThan(0);
  expect(loaded).toContain(english.t('welcome.lead'));
  expect(loaded).not.toContain(spanish.t('welcome.lead'));
  expect(loaded).not.toContain(english.t('setup.intro'));

  await choose(page, spanish);
  expect(languageCalls()).toHaveLength(1);
  expect(languageCalls()[0]!.postDataJSON()).toEqual({ locale: 'es' });
  // Going back to English needs nothing new: it is built in.
  await choose(page, english);
  expect(languageCalls()).toHaveLength(1);
});
