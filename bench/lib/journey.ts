/**
 * One patient's whole walk, tap by tap, found by roles and labels the way the browser tests find
 * them: Start, the worry question, every topic (marked helpful, then Next or Finish), Share
 * feedback, the three feedback questions, Submit, and Back to the start. Each step waits for the
 * screen it leads to, never for a fixed time.
 */
import type { Locator, Page } from 'playwright-core';
import { expect, readContentPack, t, ui } from '../../tests/e2e/fixtures.js';

export interface Step {
  name: string;
  target: (page: Page) => Locator;
  /** Resolves once the tap's result is on screen. */
  done: (page: Page) => Promise<void>;
}

const main = (page: Page) => page.getByRole('main');
const mainButton = (name: string) => (page: Page) => main(page).getByRole('button', { name, exact: true });
const heading = (text: string) => (page: Page) => expect(ui.heading(page)).toHaveText(text);
const helpfulYes = (page: Page) =>
  main(page)
    .getByRole('group', { name: t('topicHelpful.question') })
    .getByRole('button', { name: t('topicHelpful.yes'), exact: true });

export function journeySteps(): Step[] {
  const { pack, topics } = readContentPack();
  const steps: Step[] = [
    { name: 'Start', target: ui.start, done: (page) => expect(ui.worryQuestion(page)).toBeVisible() },
    { name: 'worry before', target: mainButton(t('worry.3')), done: heading(topics[0]!.title) },
  ];
  topics.forEach((topic, index) => {
    const last = index === topics.length - 1;
    steps.push({ name: `helpful: ${topic.id}`, target: helpfulYes, done: (page) => expect(helpfulYes(page)).toHaveAttribute('aria-pressed', 'true') });
    steps.push({
      name: last ? 'Finish' : `Next after ${topic.id}`,
      target: last ? ui.finish : ui.next,
      done: heading(last ? pack.closing.title : topics[index + 1]!.title),
    });
  });
  steps.push(
    {
      name: 'Share feedback',
      target: (page) => ui.bottomNav(page).getByRole('button', { name: t('closing.feedback'), exact: true }),
      done: heading(t('worry.question')),
    },
    { name: 'worry after', target: mainButton(t('worry.2')), done: heading(t('helpfulness.question')) },
    { name: 'helpfulness', target: mainButton(t('helpfulness.4')), done: heading(t('answered.question')) },
    {
      name: 'answered',
      target: mainButton(t('answered.yes')),
      done: (page) => expect(main(page).getByRole('textbox', { name: t('comment.label') })).toBeVisible(),
    },
    { name: 'Submit', target: mainButton(t('feedback.submit')), done: heading(t('thanks.title')) },
    { name: 'Back to the start', target: mainButton(t('closing.done')), done: heading(pack.title) },
  );
  return steps;
}

/** Walks the whole journey with real taps (the context needs `hasTouch`); returns how many. */
export async function walkJourney(page: Page, steps = journeySteps()): Promise<number> {
  for (const step of steps) {
    await step.target(page).tap();
    await step.done(page);
  }
  return steps.length;
}
