/**
 * The admin dashboard on a kiosk of its own (fresh database), seeded through the real API over
 * HTTP: every chart's text table holds the seeded figures, the worry means and the paired change
 * read right, and patients' comments show as literal text: markup in them is never run.
 * Keeps a screenshot: test-results/screens/dashboard.png.
 */
import { expectNoA11yViolations } from './a11y.js';
import type { Locator } from '@playwright/test';
import { repoRoot, t } from './fixtures.js';
import { expect, kioskClient, staff, submission, test, unlockAs } from './staff-helpers.js';

test.use({ kioskConfig: { kioskId: 'dashboard' } });

const SCRIPT = '<script>alert(1)</script>';
const IMAGE = '<img src="x" onerror="document.title=\'pwned\'">';

/** A chart's text alternative: its table's body rows, as arrays of cell texts. */
async function tableRows(dashboard: Locator, title: string): Promise<string[][]> {
  const table = dashboard.getByRole('table', { name: title, exact: true });
  return table.locator('tbody tr').evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent!.trim())));
}

test('the dashboard draws the seeded feedback and shows comments as text', async ({ kiosk: page, server, content }) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const [first, second] = content.topics;
  const api = kioskClient(server);
  await api.submitFeedback(
    submission({
      worryBefore: 4,
      worryAfter: 2,
      overallHelpfulness: 5,
      answeredQuestions: 'yes',
      topicHelpful: { [first!.id]: true, [second!.id]: false },
      comment: SCRIPT,
    }),
  );
  await api.submitFeedback(
    submission({ worryBefore: 5, worryAfter: 3, overallHelpfulness: 4, answeredQuestions: 'partly', topicHelpful: { [first!.id]: true }, comment: IMAGE }),
  );
  await api.submitFeedback(
    submission({ worryBefore: 2, overallHelpfulness: 5, answeredQuestions: 'no', topicHelpful: { [second!.id]: true }, comment: 'Clear and calm, thank you.' }),
  );
  await api.submitFeedback(submission({ overallHelpfulness: 3 }));
  await api.submitFeedback(submission({}));

  const panel = await unlockAs(page, 'admin');
  await staff.tab(panel, 'dashboard').click();
  const dashboard = panel.getByRole('region', { name: t('dashboard.heading') });
  await expect(dashboard.locator('canvas')).toHaveCount(5);

  // Each chart's numbers, as a screen reader reads them.
  expect(await tableRows(dashboard, t('dashboard.helpfulness.title'))).toEqual([
    [t('helpfulness.1'), '0'],
    [t('helpfulness.2'), '0'],
    [t('helpfulness.3'), '1'],
    [t('helpfulness.4'), '1'],
    [t('helpfulness.5'), '2'],
  ]);
  await expect(
    dashboard.getByText(`${t('dashboard.answeredSkipped', { count: 4, skipped: 1 })} ${t('dashboard.mostCommon', { answer: t('helpfulness.5') })}`),
  ).toBeVisible();
  expect(await tableRows(dashboard, t('answered.question'))).toEqual([
    [t('answered.yes'), '1'],
    [t('answered.partly'), '1'],
    [t('answered.no'), '1'],
  ]);
  expect(await tableRows(dashboard, t('dashboard.worry.title'))).toEqual([
    [t('worry.1'), '0', '0'],
    [t('worry.2'), '1', '1'],
    [t('worry.3'), '0', '1'],
    [t('worry.4'), '1', '0'],
    [t('worry.5'), '1', '0'],
  ]);
  await expect(dashboard.getByText(t('dashboard.worry.means', { before: '3.7', after: '2.5' }))).toBeVisible();
  await expect(dashboard.getByText(t('dashboard.worry.paired', { count: 2, change: '-2.0' }))).toBeVisible();
  const topics = await tableRows(dashboard, t('dashboard.topics.title'));
  expect(topics.map(([title]) => title)).toEqual(content.topics.map((topic) => topic.title));
  expect(topics.slice(0, 2)).toEqual([
    [first!.title, '2', '0', '100 %'],
    [second!.title, '1', '1', '50 %'],
  ]);
  const perDay = await tableRows(dashboard, t('dashboard.perDay.title'));
  expect(perDay).toHaveLength(30);
  expect(perDay.at(-1)![1]).toBe('5');

  // Comments: newest first, shown as the literal text the patient typed; nothing in them runs.
  const comments = dashboard.getByRole('region', { name: t('dashboard.comments.title') }).getByRole('listitem');
  await expect(comments).toHaveCount(3);
  await expect(comments.nth(0)).toContainText('Clear and calm, thank you.');
  await expect(comments.nth(1).getByText(IMAGE, { exact: true })).toBeVisible();
  await expect(comments.nth(2).getByText(SCRIPT, { exact: true })).toBeVisible();
  await expect(dashboard.locator('script, img')).toHaveCount(0);
  expect(await page.title()).toBe('Clinic Kiosk');
  expect(dialogs).toEqual([]);

  await expectNoA11yViolations(page, 'dialog');

  // The artifact: the whole dashboard in one picture (the panel grows to fit it).
  const height = await dashboard.evaluate((element) => element.getBoundingClientRect().top + element.scrollHeight + 64);
  await page.setViewportSize({ width: 1920, height: Math.ceil(height) });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.screenshot({ path: `${repoRoot}test-results/screens/dashboard.png` });
});
