/**
 * Anonymous feedback, end to end: a patient answers on the real UI, and the row in the kiosk's
 * real SQLite file holds exactly those answers. Also: a failed save shows the calm message and
 * saves nothing, and the retry then stores exactly one row.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readStoredFeedback } from '../support/stored-feedback.js';
import { expect, expectTopic, expectWelcome, openCommentBox, t, test, toFeedback, ui } from './fixtures.js';

/** The rows the kiosk committed, read straight from its database file. */
const storedFeedback = (dataDir: string, where: string, ...params: unknown[]) => readStoredFeedback(join(dataDir, 'kiosk.db'), where, ...params);

const main = (page: Page) => page.getByRole('main');
/** Letters only: the kiosk scrubs runs of digits from comments. */
const uniqueMarker = () => `marker${Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
const choose = (page: Page, label: string) => main(page).getByRole('button', { name: label }).click();
const helpful = (page: Page, answer: 'yes' | 'no') =>
  main(page)
    .getByRole('group', { name: t('topicHelpful.question') })
    .getByRole('button', { name: t(`topicHelpful.${answer}`), exact: true });

test('a patient answers every question and the database holds exactly those answers', async ({ kiosk: page, content, server }) => {
  const { topics, pack } = content;
  const marker = uniqueMarker();

  await ui.start(page).click();
  await choose(page, t('worry.4'));
  await expectTopic(page, topics, 0);

  // Topic 1: yes. Topic 2: no. Topic 3: yes, then changed to no. The rest unanswered.
  await helpful(page, 'yes').click();
  await expect(helpful(page, 'yes')).toHaveAttribute('aria-pressed', 'true');
  await ui.next(page).click();
  await helpful(page, 'no').click();
  await ui.next(page).click();
  await helpful(page, 'yes').click();
  await helpful(page, 'no').click();
  await expect(helpful(page, 'yes')).toHaveAttribute('aria-pressed', 'false');
  await expect(helpful(page, 'no')).toHaveAttribute('aria-pressed', 'true');
  // Back keeps the answer given.
  await ui.back(page).click();
  await expect(helpful(page, 'no')).toHaveAttribute('aria-pressed', 'true');
  for (let index = 1; index < topics.length - 1; index++) await ui.next(page).click();
  await expectTopic(page, topics, topics.length - 1);

  await toFeedback(page);
  await expect(main(page).getByText(t('anonymous.note'))).toBeVisible();
  await choose(page, t('worry.2'));
  await choose(page, t('helpfulness.5'));
  await choose(page, t('answered.partly'));

  const comment = main(page).getByRole('textbox', { name: t('comment.label') });
  await expect(main(page).getByText(t('comment.privacy'))).toBeVisible();
  await comment.click();
  const typed = `Clear, thank you ${marker}. Write to jo@example.org or call 555-123-4567.`;
  await page.keyboard.type(typed);
  await expect(comment).toHaveValue(typed);
  await expect(main(page).getByText(t('comment.counter', { count: typed.length, max: 500 }))).toBeVisible();
  await main(page)
    .getByRole('button', { name: t('feedback.submit') })
    .click();
  await expect(ui.heading(page)).toHaveText(t('thanks.title'));

  const rows = storedFeedback(server.dataDir, 'comment LIKE ?', `%${marker}%`);
  expect(rows).toHaveLength(1);
  const row = rows[0]!;
  expect(row).toMatchObject({
    kiosk_id: 'kiosk-1',
    content_version: pack.version,
    locale: pack.locale,
    worry_before: 4,
    worry_after: 2,
    overall_helpfulness: 5,
    answered_questions: 'partly',
    comment: `Clear, thank you ${marker}. Write to [removed] or call [removed].`,
    partial: 0,
  });
  expect(row.topics).toEqual({ [topics[0]!.id]: true, [topics[1]!.id]: false, [topics[2]!.id]: false });
  expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
  expect(Date.parse(row.created_at)).toBeGreaterThan(Date.now() - 5 * 60_000);
  expect(row.created_at.endsWith('Z')).toBe(true);

  // The thank-you screen returns to the welcome screen by itself.
  await expectWelcome(page, pack);
});

test('skipping everything stores a row of skipped answers', async ({ kiosk: page, content, server }) => {
  const before = storedFeedback(server.dataDir, '1').length;
  await openCommentBox(page, content);
  await main(page)
    .getByRole('button', { name: t('feedback.submit') })
    .click();
  await expect(ui.heading(page)).toHaveText(t('thanks.title'));

  const rows = storedFeedback(server.dataDir, '1 ORDER BY seq DESC');
  expect(rows).toHaveLength(before + 1);
  expect(rows[0]).toMatchObject({ worry_before: null, worry_after: null, overall_helpfulness: null, answered_questions: null, comment: null, topics: {} });
});

test('Back to an answered question offers Next, which keeps the answer; Skip says it clears it', async ({ kiosk: page, content, server }) => {
  await ui.start(page).click();
  await expect(ui.next(page)).toHaveCount(0); // unanswered: a tap moves on
  await choose(page, t('worry.4'));
  await expectTopic(page, content.topics, 0);
  await ui.back(page).click();
  await expect(main(page).getByRole('button', { name: t('worry.4') })).toHaveAttribute('aria-pressed', 'true');
  await ui.next(page).click();
  await expectTopic(page, content.topics, 0);
  for (let index = 0; index < content.topics.length - 1; index++) await ui.next(page).click();
  await toFeedback(page);
  await choose(page, t('worry.2'));
  await choose(page, t('helpfulness.5'));
  await ui.back(page).click();
  await ui.next(page).click();
  await expect(main(page).getByRole('heading', { name: t('answered.question') })).toBeVisible();
  await ui.back(page).click();
  await ui.back(page).click();
  // On an answered question Skip says what it does, and does it.
  await main(page)
    .getByRole('button', { name: t('question.skipAnswered') })
    .click();
  await main(page)
    .getByRole('button', { name: t('question.skipAnswered') })
    .click();
  await choose(page, t('answered.yes'));
  const marker = uniqueMarker();
  await main(page)
    .getByRole('textbox', { name: t('comment.label') })
    .fill(marker);
  await main(page)
    .getByRole('button', { name: t('feedback.submit') })
    .click();
  await expect(ui.heading(page)).toHaveText(t('thanks.title'));
  expect(storedFeedback(server.dataDir, 'comment = ?', marker)[0]).toMatchObject({
    worry_before: 4,
    worry_after: null,
    overall_helpfulness: null,
    answered_questions: 'yes',
  });
});

test('the comment stops at 500 characters and counts them', async ({ kiosk: page, content }) => {
  const comment = await openCommentBox(page, content);
  await comment.fill('a'.repeat(520));
  await expect(comment).toHaveValue('a'.repeat(500));
  await expect(main(page).getByText(t('comment.counter', { count: 500, max: 500 }))).toBeVisible();
});

test.describe('a failed save', () => {
  // Chromium logs the 503 this test provokes; anything else in the console still fails it.
  test.use({ allowedConsoleErrors: [/status of 503 \(Service Unavailable\)/] });

  test('tells the patient calmly, stores nothing, and a retry saves once', async ({ kiosk: page, content, server }) => {
    const marker = uniqueMarker();
    await ui.start(page).click();
    await choose(page, t('worry.3'));
    for (let index = 0; index < content.topics.length - 1; index++) await ui.next(page).click();
    await toFeedback(page);
    for (let question = 0; question < 3; question++) await ui.skip(page).click();
    await main(page)
      .getByRole('textbox', { name: t('comment.label') })
      .fill(marker);

    // Another connection holds the write lock, so the kiosk's save times out as "locked".
    const blocker = new Database(join(server.dataDir, 'kiosk.db'));
    blocker.exec('BEGIN EXCLUSIVE');
    try {
      await main(page)
        .getByRole('button', { name: t('feedback.submit') })
        .click();
      await expect(main(page).getByRole('button', { name: t('feedback.saving') })).toBeDisabled();
      await expect(main(page).getByRole('alert')).toHaveText(t('feedback.failed'));
      // Announced once: the alert is not also inside a live region.
      await expect(page.locator(':is([aria-live], [role="status"], [role="log"]) [role="alert"]')).toHaveCount(0);
      await expect(ui.heading(page)).not.toHaveText(t('thanks.title'));
    } finally {
      blocker.exec('ROLLBACK');
      blocker.close();
    }
    expect(storedFeedback(server.dataDir, 'comment = ?', marker)).toHaveLength(0);

    await main(page)
      .getByRole('button', { name: t('feedback.retry') })
      .click();
    await expect(ui.heading(page)).toHaveText(t('thanks.title'));
    const rows = storedFeedback(server.dataDir, 'comment = ?', marker);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.worry_before).toBe(3);
  });
});

test('a save that gets no answer ends in the calm message, and a retry saves once', async ({ kiosk: page, content, server }) => {
  const marker = uniqueMarker();
  await page.clock.install();
  await (await openCommentBox(page, content)).fill(marker);

  // The kiosk takes the request and never answers, as a core stuck on a failing disk would.
  let held = 0;
  await page.route('**/api/submitFeedback', () => void held++);
  await main(page)
    .getByRole('button', { name: t('feedback.submit') })
    .click();
  await expect(main(page).getByRole('button', { name: t('feedback.saving') })).toBeDisabled();
  await expect.poll(() => held).toBe(1);
  await page.clock.fastForward('00:16');
  await expect(main(page).getByRole('alert')).toHaveText(t('feedback.failed'));
  expect(storedFeedback(server.dataDir, 'comment = ?', marker)).toHaveLength(0);

  await page.unroute('**/api/submitFeedback');
  await main(page)
    .getByRole('button', { name: t('feedback.retry') })
    .click();
  await expect(ui.heading(page)).toHaveText(t('thanks.title'));
  expect(storedFeedback(server.dataDir, 'comment = ?', marker)).toHaveLength(1);
});
