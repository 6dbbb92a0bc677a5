/**
 * Both orientations of the lobby screen: landscape 1920×1080 and portrait 1080×1920.
 *
 * Every screen is walked and photographed (attached to the test and written to
 * test-results/screens/<orientation>-<locale>/<nn>-<id>.png, in English and Spanish, which CI keeps as an
 * artifact), and checked for
 * the design card's floors: touch targets of at least 64×64 px, body text of at least 24 px and
 * headings of at least 40 px on topic screens, the comparison as a table in landscape and as cards
 * in portrait, and the bottom controls fixed in view at the largest text size.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { beginTopics, expect, expectTopic, expectWelcome, LANGUAGES, ORIENTATIONS, settle, t, test, topicTextLength, ui, type PackYaml } from './fixtures';

const MIN_TARGET_PX = 64;
const MIN_BODY_TEXT_PX = 24;
const MIN_HEADING_PX = 40;

for (const orientation of ORIENTATIONS) {
  test.describe(orientation.name, () => {
    test.use({ viewport: orientation.viewport });

    for (const language of LANGUAGES) {
      test(`every screen in ${language.name}: screenshot, touch targets, text sizes and the comparison layout`, async ({ kiosk: page }, testInfo) => {
        const { t, ui, content } = language;
        const { pack, topics } = content;
        const shots = new Screenshots(page, testInfo, `${orientation.name}-${language.locale}`);
        if (language.locale !== 'en') await ui.language(page, language.name).click();
        await expect(page.locator('html')).toHaveAttribute('lang', language.locale);

        await test.step('welcome', async () => {
          await expectWelcome(page, pack, language);
          await expectTouchTargets(page);
          await shots.take('welcome');
        });

        await test.step('disclaimer dialog', async () => {
          await ui.disclaimerButton(page).click();
          const dialog = ui.dialog(page, pack.disclaimer.title);
          await expect(dialog).toBeVisible();
          await expectTouchTargets(page);
          await shots.take('disclaimer');
          await ui.close(dialog).click();
          await expect(dialog).toBeHidden();
        });

        await test.step('worry question', async () => {
          await ui.start(page).click();
          await expect(ui.worryQuestion(page)).toBeVisible();
          await expectTouchTargets(page);
          await shots.take('worry-before');
          await ui.skip(page).click();
        });

        for (const [index, topic] of topics.entries()) {
          await test.step(`topic ${index + 1}: ${topic.id}`, async () => {
            await expectTopic(page, topics, index, language);
            await expectTouchTargets(page);
            await expectTopicTextSizes(page);
            if (topic.kind === 'comparison') {
              if (orientation.name === 'landscape') await expectComparisonTable(page, pack, t);
              else await expectComparisonCards(page, pack, t);
            }
            await shots.take(topic.id);
            if (topic.kind === 'faq') {
              for (const item of pack.faq.items) await page.getByRole('button', { name: item.question, exact: true }).click();
              await expect(page.getByText(pack.faq.items.at(-1)!.answer, { exact: true })).toBeVisible();
              await expectTouchTargets(page);
              await expectTopicTextSizes(page);
              await shots.take(`${topic.id}-answers-open`);
            }
            if (index === 1) {
              await ui.allTopics(page).click();
              await expect(ui.topicList(page)).toBeVisible();
              await expectTouchTargets(page);
              await shots.take('all-topics');
              await ui.close(ui.topicList(page)).click();
              await expect(ui.topicList(page)).toBeHidden();
            }
            await (index === topics.length - 1 ? ui.finish(page) : ui.next(page)).click();
          });
        }

        await test.step('closing', async () => {
          await expect(ui.heading(page)).toHaveText(pack.closing.title);
          await expectTouchTargets(page);
          await expectTopicTextSizes(page);
          await shots.take('closing');
          await ui.shareFeedback(page).click();
        });

        await test.step('feedback questions', async () => {
          const feedbackSteps = [
            { id: 'feedback-worry-after', question: t('worry.question'), answer: t('worry.2') },
            { id: 'feedback-helpfulness', question: t('helpfulness.question'), answer: t('helpfulness.4') },
            { id: 'feedback-answered', question: t('answered.question'), answer: t('answered.yes') },
          ];
          for (const step of feedbackSteps) {
            const group = page.getByRole('main').getByRole('group', { name: step.question, exact: true });
            await expect(group).toBeVisible();
            await expectTouchTargets(page);
            await shots.take(step.id);
            await group.getByRole('button', { name: step.answer, exact: true }).click();
          }
          await expect(page.getByRole('textbox', { name: t('comment.label') })).toBeVisible();
          await expectTouchTargets(page);
          await shots.take('feedback-comment');
          await page.getByRole('button', { name: t('feedback.submit'), exact: true }).click();
        });

        await test.step('thank you', async () => {
          await expect(page.getByRole('heading', { name: t('thanks.title'), exact: true })).toBeVisible();
          await expectTouchTargets(page);
          await shots.take('thanks');
          await ui.backToStart(page).click();
          // Starting over puts the next patient back in the default language.
          await expectWelcome(page, LANGUAGES[0].content.pack);
          await expect(page.locator('html')).toHaveAttribute('lang', 'en');
        });
      });
    }

    test('the bottom controls stay in view at the largest text size; the content scrolls', async ({ kiosk: page, content }) => {
      const { pack, topics } = content;
      await ui.textSize(page).click();
      await ui.textSize(page).click();
      await expect(ui.textSize(page)).toHaveAccessibleName(t('topbar.textSize.larger'));

      await beginTopics(page, topics);
      // Every topic keeps both bars in view at this size.
      for (const index of topics.keys()) {
        if (index > 0) await ui.next(page).click();
        await expectTopic(page, topics, index);
        await expectBarsInView(page);
      }

      // The longest topic (FAQ answers included) must overflow and scroll inside its content area.
      const longest = topics.reduce((a, b) => (topicTextLength(pack, b) > topicTextLength(pack, a) ? b : a));
      await ui.allTopics(page).click();
      await ui.topicList(page).getByRole('button', { name: longest.title }).click();
      await expectTopic(page, topics, topics.indexOf(longest));
      if (longest.kind === 'faq') {
        for (const item of pack.faq.items) await page.getByRole('button', { name: item.question, exact: true }).click();
      }
      await settle(page);

      const main = page.getByRole('main');
      const sizes = await main.evaluate((el) => ({ scrollHeight: el.scrollHeight, clientHeight: el.clientHeight }));
      expect(sizes.scrollHeight, `the longest topic (${longest.id}) overflows at the largest text size`).toBeGreaterThan(sizes.clientHeight);
      await expectBarsInView(page);

      // Scroll the content the way a finger does, to the very end.
      const mainBox = (await main.boundingBox())!;
      await page.mouse.move(mainBox.x + mainBox.width / 2, mainBox.y + mainBox.height / 2);
      await expect
        .poll(
          async () => {
            await page.mouse.wheel(0, 600);
            return main.evaluate((el) => Math.ceil(el.scrollTop + el.clientHeight) >= el.scrollHeight - 1);
          },
          { message: 'the content area scrolls to its end' },
        )
        .toBe(true);
      // The page itself never scrolled: only the content area did.
      expect(await page.evaluate(() => document.scrollingElement!.scrollTop)).toBe(0);
      await expectBarsInView(page);

      // The last thing on the screen is now visible above the bottom bar, and Next still works.
      const lastButton = main.getByRole('button').last();
      const navBox = (await ui.bottomNav(page).boundingBox())!;
      const lastBox = (await lastButton.boundingBox())!;
      expect(lastBox.y + lastBox.height).toBeLessThanOrEqual(navBox.y + 1);
      expect(lastBox.y).toBeGreaterThanOrEqual(mainBox.y - 1);
      const isLast = topics.indexOf(longest) === topics.length - 1;
      await (isLast ? ui.finish(page) : ui.next(page)).click();
      if (isLast) await expect(ui.heading(page)).toHaveText(pack.closing.title);
      else await expectTopic(page, topics, topics.indexOf(longest) + 1);
    });
  });
}

/** Writes each screen to test-results/screens/<orientation>-<locale>/<nn>-<id>.png and attaches it. */
class Screenshots {
  #count = 0;
  readonly #dir: string;

  constructor(
    private readonly page: Page,
    private readonly testInfo: TestInfo,
    private readonly orientation: string,
  ) {
    this.#dir = join(testInfo.project.outputDir, 'screens', orientation);
    mkdirSync(this.#dir, { recursive: true });
  }

  async take(id: string): Promise<void> {
    await settle(this.page);
    const name = `${String(this.#count++).padStart(2, '0')}-${id}.png`;
    const path = join(this.#dir, name);
    await this.page.screenshot({ path, animations: 'disabled' });
    await this.testInfo.attach(`${this.orientation}/${name}`, { path, contentType: 'image/png' });
  }
}

/** Every visible button (and link) is at least 64×64 CSS px. */
async function expectTouchTargets(page: Page): Promise<void> {
  await settle(page);
  const targets = page.locator('button:visible, [role="button"]:visible, a[href]:visible');
  const count = await targets.count();
  expect(count, 'there are buttons on every screen').toBeGreaterThan(0);
  const tooSmall: string[] = [];
  for (let i = 0; i < count; i++) {
    const target = targets.nth(i);
    const box = await target.boundingBox();
    if (!box) continue;
    if (box.width < MIN_TARGET_PX - 0.5 || box.height < MIN_TARGET_PX - 0.5) {
      const name = (await target.getAttribute('aria-label')) ?? (await target.innerText()).trim();
      tooSmall.push(`"${name}": ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
    }
  }
  expect(tooSmall, `touch targets smaller than ${MIN_TARGET_PX}×${MIN_TARGET_PX} px`).toEqual([]);
}

/** On topic (and closing) screens: body text at least 24 px, the heading at least 40 px. */
async function expectTopicTextSizes(page: Page): Promise<void> {
  const found = await page.getByRole('main').evaluate((main, selector) => {
    const size = (el: Element) => parseFloat(getComputedStyle(el).fontSize);
    const texts = [...main.querySelectorAll(selector)]
      .filter((el) => el.checkVisibility() && (el.textContent ?? '').trim() !== '')
      .map((el) => ({ text: (el.textContent ?? '').trim().slice(0, 60), tag: el.tagName.toLowerCase(), px: size(el) }));
    const h1 = main.querySelector('h1');
    return { texts, h1: h1 ? size(h1) : null };
  }, 'p, li, td, th, dt, dd, caption');
  expect(found.texts.length, 'the screen has body text').toBeGreaterThan(0);
  expect(
    found.texts.filter((text) => text.px < MIN_BODY_TEXT_PX),
    `body text under ${MIN_BODY_TEXT_PX} px`,
  ).toEqual([]);
  expect(found.h1, `the heading is at least ${MIN_HEADING_PX} px`).toBeGreaterThanOrEqual(MIN_HEADING_PX);
}

async function expectComparisonTable(page: Page, pack: PackYaml, tr = t): Promise<void> {
  const { columns, rows } = pack.comparison;
  const table = page.getByRole('table');
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([columns.factor, columns.medical, columns.recreational]);
  await expect(table.getByRole('rowheader')).toHaveText(rows.map((row) => row.factor));
  await expect(page.getByRole('list', { name: tr('comparison.cardsLabel') })).toHaveCount(0);
  // Side by side: each row's two cells share a line.
  const firstRowCells = table.getByRole('row').nth(1).getByRole('cell');
  const [medical, recreational] = [(await firstRowCells.nth(0).boundingBox())!, (await firstRowCells.nth(1).boundingBox())!];
  expect(Math.abs(medical.y - recreational.y)).toBeLessThan(1);
  expect(recreational.x).toBeGreaterThan(medical.x);
}

async function expectComparisonCards(page: Page, pack: PackYaml, tr = t): Promise<void> {
  const { columns, rows } = pack.comparison;
  await expect(page.locator('table')).toHaveCount(0);
  const cards = page.getByRole('list', { name: tr('comparison.cardsLabel') }).getByRole('listitem');
  await expect(cards).toHaveCount(rows.length);
  for (const [index, row] of rows.entries()) {
    const card = cards.nth(index);
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(row.factor);
    await expect(card.getByRole('term')).toHaveText([columns.medical, columns.recreational]);
    await expect(card.getByRole('definition')).toHaveText([row.medical, row.recreational]);
  }
  await expect(page.getByRole('main')).toContainText(pack.comparison.intro);
}

/** The top bar and the bottom nav are fully inside the viewport, and the page itself does not scroll. */
async function expectBarsInView(page: Page): Promise<void> {
  const viewport = page.viewportSize()!;
  for (const [name, bar] of [
    ['top bar', page.getByRole('banner')],
    ['bottom nav', ui.bottomNav(page)],
  ] as const) {
    const box = await bar.boundingBox();
    expect(box, `${name} is shown`).not.toBeNull();
    expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(-0.5);
    expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(viewport.height + 0.5);
    expect(box!.x, `${name} left`).toBeGreaterThanOrEqual(-0.5);
    expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(viewport.width + 0.5);
  }
  for (const control of [ui.back(page), ui.next(page).or(ui.finish(page))]) await expect(control).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight), 'the page itself does not scroll').toBeLessThanOrEqual(viewport.height);
}
