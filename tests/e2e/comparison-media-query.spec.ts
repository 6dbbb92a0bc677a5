/**
 * The comparison topic decides table or cards by measuring its room, with no media query: visiting it
 * again and again (a day of patients) creates no new MediaQueryList each time.
 */
import { expect, openTopic, test, ui } from './fixtures.js';

test('revisiting the comparison creates no new media queries', async ({ page, server, content }) => {
  await page.addInitScript(() => {
    const original = window.matchMedia.bind(window);
    const calls: string[] = [];
    (window as unknown as { matchMediaCalls: string[] }).matchMediaCalls = calls;
    window.matchMedia = (query: string) => {
      calls.push(query);
      return original(query);
    };
  });
  await page.goto(server.kioskUrl);
  const comparison = content.topics.findIndex((topic) => topic.kind === 'comparison');
  expect(comparison).toBeGreaterThan(0);
  await openTopic(page, content.topics, comparison);
  const orientationQueries = () =>
    page.evaluate(() => (window as unknown as { matchMediaCalls: string[] }).matchMediaCalls.filter((q) => q.includes('orientation')).length);
  const first = await orientationQueries();
  expect(first).toBeLessThanOrEqual(1);
  for (let visit = 0; visit < 3; visit++) {
    await ui.back(page).click();
    await expect(ui.heading(page)).toHaveText(content.topics[comparison - 1]!.title);
    await ui.next(page).click();
    await expect(ui.heading(page)).toHaveText(content.topics[comparison]!.title);
  }
  expect(await orientationQueries()).toBe(first);
});
