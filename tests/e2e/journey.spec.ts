/**
 * The patient journey in the browser shell, in landscape (the default 1920×1080 viewport):
 * the walk-through, the jump list, Back/Next/Start over, the disclaimer, text size and accessibility.
 *
 * Journey: welcome → Start → the optional worry question → topics 1…N → "In summary" → feedback.
 * (The feedback questions have their own tests; here the patient skips the worry question.)
 */
import type { Page } from '@playwright/test';
import { beginTopics, expect, expectTopic, expectWelcome, expectWorryQuestion, openTopic, t, test, ui, type PackYaml } from './fixtures';

test.describe('walk-through', () => {
  test('a patient taps Start, reads every topic, the table and the FAQ, finishes and returns to the start', async ({ kiosk: page, content }) => {
    const { pack, topics } = content;
    await expectWelcome(page, pack);
    await expect(page.getByText(t('welcome.topicsCount_other', { count: topics.length }), { exact: true })).toBeVisible();

    await beginTopics(page, topics);
    for (const [index, topic] of topics.entries()) {
      await test.step(`${index + 1} of ${topics.length}: ${topic.id}`, async () => {
        await expectTopic(page, topics, index);
        const main = page.getByRole('main');
        for (const text of topic.texts) await expect(main).toContainText(text);

        if (topic.kind === 'comparison') await readComparisonTable(page, pack);
        if (topic.kind === 'faq') await readFaq(page, pack);

        const isLast = index === topics.length - 1;
        await expect(ui.next(page)).toHaveCount(isLast ? 0 : 1);
        await expect(ui.finish(page)).toHaveCount(isLast ? 1 : 0);
        await (isLast ? ui.finish(page) : ui.next(page)).click();
      });
    }

    await test.step('closing screen', async () => {
      await expect(ui.heading(page)).toHaveText(pack.closing.title);
      await expect(ui.anyProgress(page)).toHaveCount(0);
      for (const paragraph of pack.closing.paragraphs) await expect(page.getByRole('main')).toContainText(paragraph);
      await expect(page.getByText(t('closing.staff'), { exact: true })).toBeVisible();
      await ui.backToStart(page).click();
      await expectWelcome(page, pack);
    });
  });

  async function readComparisonTable(page: Page, pack: PackYaml): Promise<void> {
    const { columns, rows, intro } = pack.comparison;
    const table = page.getByRole('table');
    await expect(table).toBeVisible();
    await expect(table.locator('caption')).toHaveText(intro);
    await expect(table.getByRole('columnheader')).toHaveText([columns.factor, columns.medical, columns.recreational]);
    await expect(table.getByRole('rowheader')).toHaveText(rows.map((row) => row.factor));
    const tableRows = table.getByRole('row');
    await expect(tableRows).toHaveCount(rows.length + 1);
    for (const [index, row] of rows.entries()) {
      const tableRow = tableRows.nth(index + 1);
      await expect(tableRow.getByRole('rowheader')).toHaveText(row.factor);
      await expect(tableRow.getByRole('cell')).toHaveText([row.medical, row.recreational]);
    }
  }

  async function readFaq(page: Page, pack: PackYaml): Promise<void> {
    for (const item of pack.faq.items) {
      const question = page.getByRole('button', { name: item.question, exact: true });
      const answer = page.getByText(item.answer, { exact: true });
      await expect(question).toHaveAttribute('aria-expanded', 'false');
      await expect(answer).toBeHidden();
      await question.click();
      await expect(question).toHaveAttribute('aria-expanded', 'true');
      await expect(answer).toBeVisible();
    }
    // Answers stay open together, and a second tap closes one again.
    const first = pack.faq.items[0]!;
    await page.getByRole('button', { name: first.question, exact: true }).click();
    await expect(page.getByRole('button', { name: first.question, exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByText(first.answer, { exact: true })).toBeHidden();
    await expect(page.getByText(pack.faq.items.at(-1)!.answer, { exact: true })).toBeVisible();
  }
});

test.describe('moving around', () => {
  test('the jump list marks the current topic and jumps to any topic', async ({ kiosk: page, content }) => {
    const { topics } = content;
    await beginTopics(page, topics);
    await ui.next(page).click();
    await expectTopic(page, topics, 1);

    await ui.allTopics(page).click();
    const list = ui.topicList(page);
    await expect(list).toBeVisible();
    const entries = list.getByRole('listitem');
    await expect(entries).toHaveCount(topics.length);
    for (const [index, topic] of topics.entries()) await expect(entries.nth(index)).toContainText(topic.title);
    // The current topic is marked for sight and for screen readers; the one already read says so.
    await expect(list.locator('[aria-current="step"]')).toHaveCount(1);
    await expect(list.getByRole('button', { name: topics[1]!.title })).toHaveAttribute('aria-current', 'step');
    await expect(list.getByRole('button', { name: topics[1]!.title })).toContainText(t('topics.current'));
    await expect(list.getByRole('button', { name: topics[0]!.title })).toContainText(t('topics.visited'));

    const target = topics.length - 2;
    await list.getByRole('button', { name: topics[target]!.title }).click();
    await expect(list).toBeHidden();
    await expectTopic(page, topics, target);

    // The list follows the patient.
    await ui.allTopics(page).click();
    await expect(list.getByRole('button', { name: topics[target]!.title })).toHaveAttribute('aria-current', 'step');
    await expect(list.locator('[aria-current="step"]')).toHaveCount(1);
    // Closing the list without choosing leaves the patient where they were.
    await ui.close(list).click();
    await expect(list).toBeHidden();
    await expectTopic(page, topics, target);

    // And back to the first topic.
    await ui.allTopics(page).click();
    await list.getByRole('button', { name: topics[0]!.title }).click();
    await expectTopic(page, topics, 0);
  });

  test('Back and Next step one screen at a time: topic 1 → worry question → welcome; closing → last topic', async ({ kiosk: page, content }) => {
    const { pack, topics } = content;
    await beginTopics(page, topics);
    await ui.next(page).click();
    await expectTopic(page, topics, 1);
    await ui.next(page).click();
    await expectTopic(page, topics, 2);
    await ui.back(page).click();
    await expectTopic(page, topics, 1);
    await ui.back(page).click();
    await expectTopic(page, topics, 0);
    await ui.back(page).click();
    await expectWorryQuestion(page);
    await ui.back(page).click();
    await expectWelcome(page, pack);

    // From the closing screen, Back returns to the last topic.
    await openTopic(page, topics, topics.length - 1);
    await ui.finish(page).click();
    await expect(ui.heading(page)).toHaveText(pack.closing.title);
    await ui.back(page).click();
    await expectTopic(page, topics, topics.length - 1);
  });

  test('Start over from mid-journey returns to welcome and a fresh Start begins at 1', async ({ kiosk: page, content }) => {
    const { pack, topics } = content;
    await beginTopics(page, topics);
    await ui.next(page).click();
    await ui.next(page).click();
    await expectTopic(page, topics, 2);

    await ui.startOver(page).click();
    await expectWelcome(page, pack);
    await expect(ui.startOver(page)).toHaveCount(0);
    await expect(ui.allTopics(page)).toHaveCount(0);

    await beginTopics(page, topics);
    // Nothing of the previous walk remains: only the current topic is marked in the jump list.
    await ui.allTopics(page).click();
    const list = ui.topicList(page);
    await expect(list.getByText(t('topics.visited'), { exact: true })).toHaveCount(0);
    await expect(list.getByText(t('topics.current'), { exact: true })).toHaveCount(1);
  });

  test('Start over is offered from the worry question and the closing screen too', async ({ kiosk: page, content }) => {
    const { pack, topics } = content;
    await ui.start(page).click();
    await expectWorryQuestion(page);
    await ui.startOver(page).click();
    await expectWelcome(page, pack);

    await openTopic(page, topics, topics.length - 1);
    await ui.finish(page).click();
    await expect(ui.heading(page)).toHaveText(pack.closing.title);
    await ui.startOver(page).click();
    await expectWelcome(page, pack);
  });
});

test.describe('disclaimer', () => {
  test('is reachable from the welcome, question, topic and closing screens and closes with Close or Escape', async ({ kiosk: page, content }) => {
    const { pack, topics } = content;
    const dialog = ui.dialog(page, pack.disclaimer.title);
    await expect(dialog).toHaveCount(0);

    const openAndCheck = async () => {
      await ui.disclaimerButton(page).click();
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole('heading', { name: pack.disclaimer.title })).toBeVisible();
      await expect(dialog).toContainText(pack.disclaimer.text);
    };

    await test.step('welcome: Close button', async () => {
      await openAndCheck();
      await ui.close(dialog).click();
      await expect(dialog).toBeHidden();
      await expectWelcome(page, pack);
    });
    await test.step('welcome: Escape', async () => {
      await openAndCheck();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expectWelcome(page, pack);
    });
    await test.step('worry question', async () => {
      await ui.start(page).click();
      await expectWorryQuestion(page);
      await openAndCheck();
      await ui.close(dialog).click();
      await expect(dialog).toBeHidden();
      await expectWorryQuestion(page);
      await ui.skip(page).click();
    });
    await test.step('topic screen: Close button and Escape', async () => {
      await expectTopic(page, topics, 0);
      await openAndCheck();
      await ui.close(dialog).click();
      await expect(dialog).toBeHidden();
      await openAndCheck();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expectTopic(page, topics, 0);
    });
    await test.step('closing screen', async () => {
      await ui.allTopics(page).click();
      await ui
        .topicList(page)
        .getByRole('button', { name: topics.at(-1)!.title })
        .click();
      await ui.finish(page).click();
      await expect(ui.heading(page)).toHaveText(pack.closing.title);
      await openAndCheck();
      await page.keyboard.press('Escape');
      await expect(dialog).toBeHidden();
      await expect(ui.heading(page)).toHaveText(pack.closing.title);
    });
  });
});

test.describe('text size', () => {
  const rootFontSize = (page: Page) => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  const bodyFontSize = (page: Page) =>
    page
      .getByRole('main')
      .locator('p')
      .first()
      .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));
  const sizeName = (size: 'normal' | 'large' | 'larger') => t(`topbar.textSize.${size}`);

  test('cycles normal → large → larger → normal and the text grows with it', async ({ kiosk: page, content }) => {
    await openTopic(page, content.topics, 0);
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('normal'));
    const normalRoot = await rootFontSize(page);
    const normalBody = await bodyFontSize(page);

    await ui.textSize(page).click();
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('large'));
    await expect.poll(() => rootFontSize(page)).toBeGreaterThan(normalRoot);
    const largeRoot = await rootFontSize(page);
    expect(await bodyFontSize(page)).toBeGreaterThan(normalBody);

    await ui.textSize(page).click();
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('larger'));
    await expect.poll(() => rootFontSize(page)).toBeGreaterThan(largeRoot);

    await ui.textSize(page).click();
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('normal'));
    await expect.poll(() => rootFontSize(page)).toBe(normalRoot);
    expect(await bodyFontSize(page)).toBe(normalBody);
  });

  test('is offered on the welcome screen too, and the choice lasts through the walk', async ({ kiosk: page, content }) => {
    const before = await rootFontSize(page);
    await ui.textSize(page).click();
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('large'));
    await expect.poll(() => rootFontSize(page)).toBeGreaterThan(before);
    const large = await rootFontSize(page);
    await beginTopics(page, content.topics);
    await ui.next(page).click();
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('large'));
    expect(await rootFontSize(page)).toBe(large);
  });

  test('Start over gives the next patient the normal text size again', async ({ kiosk: page, content }) => {
    const normalRoot = await rootFontSize(page);
    await openTopic(page, content.topics, 1);
    await ui.textSize(page).click();
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('large'));
    await ui.startOver(page).click();
    await expectWelcome(page, content.pack);
    await expect(ui.textSize(page)).toHaveAccessibleName(sizeName('normal'));
    await expect.poll(() => rootFontSize(page)).toBe(normalRoot);
  });
});

// axe-core on every screen, in every text size, contrast and orientation: a11y-matrix.spec.ts.
