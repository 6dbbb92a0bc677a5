/**
 * The admin's export in the browser shell: a CSV download (and its manifest) whose rows equal the
 * rows in the kiosk's SQLite file, with formula-like comments neutralised; then "only not yet
 * exported" finds nothing new. Feedback is seeded through the real API over HTTP.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page, TestInfo } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import type { FeedbackRow as StoredFeedbackRow } from '../../electron/node/storage/feedback-rows.js';
import { t } from './fixtures.js';
import { expect, kioskClient, readDatabase, staff, submission, test, unlockAs } from './staff-helpers.js';

/** A row of the feedback table, as the kiosk's storage layer types it. */
type FeedbackRow = Omit<StoredFeedbackRow, 'topics'>;

const HYPERLINK = '=HYPERLINK("http://x","y")';
/** The database's own order for ids (binary), for comparing row lists. */
const byId = (a: { id?: string }, b: { id?: string }) => (a.id! < b.id! ? -1 : a.id! > b.id! ? 1 : 0);

/**
 * The CSV row each database row must become: times to the hour, one column per topic of the pack
 * (answered or not), empty cells for skipped answers, formulas neutralised.
 */
function expectedCsvRows(
  rows: FeedbackRow[],
  topics: { feedback_id: string; topic_id: string; helpful: number }[],
  topicIds: string[],
): Record<string, string>[] {
  const cell = (value: string | number | null) => (value === null ? '' : String(value));
  const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
  return rows.map((row) => {
    const csv: Record<string, string> = {
      id: row.id,
      created_at: `${row.created_at.slice(0, 13)}:00:00.000Z`,
      kiosk_id: row.kiosk_id,
      content_version: row.content_version,
      locale: row.locale,
      worry_before: cell(row.worry_before),
      worry_after: cell(row.worry_after),
      overall_helpfulness: cell(row.overall_helpfulness),
      answered_questions: cell(row.answered_questions),
    };
    for (const topicId of topicIds) {
      const answer = topics.find((topic) => topic.feedback_id === row.id && topic.topic_id === topicId);
      csv[`topic_${topicId}`] = answer ? String(answer.helpful === 1) : '';
    }
    csv.comment = neutralised(cell(row.comment));
    csv.partial = String(row.partial === 1);
    return csv;
  });
}

/** Presses Export and waits for both downloads, the file and its manifest (in either order). */
async function exportAndDownload(
  page: Page,
  panel: Locator,
  testInfo: TestInfo,
): Promise<{ file: Buffer; fileName: string; manifest: Record<string, unknown> }> {
  const downloads: Download[] = [];
  const collect = (download: Download) => downloads.push(download);
  page.on('download', collect);
  await panel.getByRole('button', { name: t('export.submit'), exact: true }).click();
  await expect.poll(() => downloads.length).toBe(2);
  page.off('download', collect);
  const saved = await Promise.all(
    downloads.map(async (download) => {
      const path = testInfo.outputPath(download.suggestedFilename());
      await download.saveAs(path);
      return { name: download.suggestedFilename(), bytes: await readFile(path) };
    }),
  );
  // The browser may finish either download first.
  const manifest = saved.find((download) => download.name.endsWith('.manifest.json'));
  const file = saved.find((download) => download !== manifest);
  expect(manifest!.name).toBe(`${file!.name}.manifest.json`);
  return { file: file!.bytes, fileName: file!.name, manifest: JSON.parse(manifest!.bytes.toString('utf8')) as Record<string, unknown> };
}

test('admin CSV export downloads a file whose rows equal the database rows, formulas neutralised', async ({ kiosk: page, server, content }, testInfo) => {
  const api = kioskClient(server);
  const [firstTopic, secondTopic] = content.topics.map((topic) => topic.id);
  await api.submitFeedback(
    submission({ worryBefore: 4, worryAfter: 2, overallHelpfulness: 5, answeredQuestions: 'yes', topicHelpful: { [firstTopic!]: true }, comment: HYPERLINK }),
  );
  await api.submitFeedback(
    submission({ worryBefore: 3, topicHelpful: { [firstTopic!]: false, [secondTopic!]: true }, comment: '@desk, "quoted", and a line\nbreak' }),
  );
  await api.submitFeedback(submission({ answeredQuestions: 'partly', comment: 'Plain words.' }));

  const panel = await unlockAs(page, 'admin');
  await staff.tab(panel, 'export').click();
  const section = staff.section(panel);
  await expect(section.getByRole('radio', { name: t('export.format.csv') })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: t('export.coarsen') })).toBeChecked();
  await expect(section.getByRole('checkbox', { name: t('export.onlyUnexported') })).not.toBeChecked();

  const { file, fileName, manifest } = await exportAndDownload(page, panel, testInfo);
  const rows = readDatabase(server, (db) => db.prepare('SELECT * FROM feedback ORDER BY id').all() as FeedbackRow[]);
  const topics = readDatabase(
    server,
    (db) => db.prepare('SELECT feedback_id, topic_id, helpful FROM feedback_topics').all() as { feedback_id: string; topic_id: string; helpful: number }[],
  );

  // UTF-8 with a BOM (for Excel), and every database row exactly once, cell for cell.
  expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = (parse(file, { bom: true, columns: true }) as Record<string, string>[]).sort(byId);
  expect(csv).toEqual(
    expectedCsvRows(
      rows,
      topics,
      content.topics.map((topic) => topic.id),
    ),
  );
  expect(Object.keys(csv[0]!).filter((column) => column.startsWith('topic_'))).toEqual(content.topics.map((topic) => `topic_${topic.id}`));
  expect(csv.find((row) => row.comment!.includes('HYPERLINK'))!.comment).toBe(`'${HYPERLINK}`);

  // The page says what it wrote, with the same SHA-256 as the file and its manifest.
  const sha256 = createHash('sha256').update(file).digest('hex');
  await expect(section.getByText(t('export.done_other', { count: rows.length, name: fileName }), { exact: true })).toBeVisible();
  await expect(section.getByText(t('export.sha256', { sha256 }), { exact: true })).toBeVisible();
  // A download names no folder: only a folder the Electron shell saved to is shown.
  await expect(section.getByRole('status')).not.toContainText(t('export.savedIn', { folder: '' }).trim());
  expect(manifest).toMatchObject({ file: fileName, format: 'csv', rows: rows.length, sha256, coarsenedToHour: true });
  expect(fileName).toMatch(/^clinic-kiosk_kiosk-1_all(-\d+)?\.csv$/);

  // Downloaded rows are marked (once the last byte was sent), so "Only not yet exported" now finds none.
  await expect.poll(() => readDatabase(server, (db) => db.prepare('SELECT count(*) AS n FROM feedback WHERE exported_at IS NULL').get())).toEqual({ n: 0 });
  await section.getByRole('checkbox', { name: t('export.onlyUnexported') }).check();
  const again = await exportAndDownload(page, panel, testInfo);
  expect(parse(again.file, { bom: true, columns: true })).toEqual([]);
  await expect(section.getByText(t('export.done_other', { count: 0, name: again.fileName }), { exact: true })).toBeVisible();
});

test.describe('a date range the wrong way round', () => {
  // Chromium logs the 400 the kiosk answers to it; anything else in the console still fails the test.
  test.use({ allowedConsoleErrors: [/status of 400 \(Bad Request\)/] });

  test('is refused next to the field; JSON export, coarse by default, keeps exact times when unticked', async ({ kiosk: page, server }, testInfo) => {
    await kioskClient(server).submitFeedback(submission({ overallHelpfulness: 4, comment: 'json row' }));
    const panel = await unlockAs(page, 'admin');
    await staff.tab(panel, 'export').click();
    const section = staff.section(panel);
    await section.getByRole('radio', { name: t('export.format.json'), exact: true }).check();
    await expect(section.getByRole('checkbox', { name: t('export.coarsen') })).toBeChecked();
    await section.getByRole('checkbox', { name: t('export.coarsen') }).uncheck();

    // "To" before "From": the kiosk refuses, and the page says so at the field.
    await section.getByLabel(t('export.since')).fill('2026-03-10');
    await section.getByLabel(t('export.until')).fill('2026-03-01');
    await section.getByRole('button', { name: t('export.submit'), exact: true }).click();
    await expect(section.getByLabel(t('export.until'))).toHaveAttribute('aria-invalid', 'true');
    await expect(section.getByText(t('export.untilBeforeSince'))).toBeVisible();

    await section.getByLabel(t('export.since')).fill('');
    await section.getByLabel(t('export.until')).fill('');
    const { file, manifest } = await exportAndDownload(page, panel, testInfo);
    const exported = JSON.parse(file.toString('utf8')) as { id: string; created_at: string; comment: string | null }[];
    const stored = readDatabase(server, (db) => db.prepare('SELECT id, created_at, comment FROM feedback ORDER BY id').all());
    expect(exported.map(({ id, created_at, comment }) => ({ id, created_at, comment })).sort(byId)).toEqual(stored);
    expect(manifest).toMatchObject({ format: 'json', rows: stored.length, coarsenedToHour: false });
  });
});
