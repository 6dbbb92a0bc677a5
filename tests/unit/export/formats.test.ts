import { randomUUID } from 'node:crypto';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { exportFileName, freeFileName } from '../../../electron/node/export/file-names.js';
import { openFeedbackStore, type FeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { validSubmission } from '../fixtures/feedback.js';
import { useTempDirs } from '../storage/helpers.js';
import { readStoredFeedback, type StoredFeedback } from '../../support/stored-feedback.js';
import { EXPORT_CLOCK, exportInto, insertRaw, sha256 } from './helpers.js';

const tempDir = useTempDirs('kiosk-export-');

/** Cells a spreadsheet would run as a formula; the store itself would trim the tab and CR ones. */
const DANGEROUS_COMMENTS = ['=HYPERLINK("http://x","y")', '+1', '-2', '@x', '\tTab first', '\rCR first', '=1+1'];

function seededStore(): { store: FeedbackStore; dir: string } {
  const dir = tempDir();
  const store = openFeedbackStore({ dataDir: dir, kioskId: 'kiosk-1' });
  store.submit(validSubmission({ comment: 'Plain, with "quotes", a comma\nand a new line; café ✓' }), { now: new Date('2026-11-02T09:41:27.123Z') });
  store.submit(
    validSubmission({ worryBefore: null, overallHelpfulness: null, answeredQuestions: null, comment: null, topicHelpful: { faq: true }, partial: true }),
    { now: new Date('2026-11-03T23:59:59.999Z') },
  );
  store.submit(validSubmission({ topicHelpful: {} }), { now: new Date('2026-11-04T00:00:00.000Z') });
  insertRaw(
    store.file,
    DANGEROUS_COMMENTS.map((comment, i) => ({ id: randomUUID(), createdAt: `2026-11-05T1${i}:30:00.000Z`, comment })),
  );
  return { store, dir };
}

/** What one CSV record must hold for a database row, worked out from the row alone. */
function expectedCsv(row: StoredFeedback, topicIds: string[], coarse: boolean): Record<string, string> {
  const text = (value: string | number | null) =>
    value === null ? '' : typeof value === 'number' ? String(value) : /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return {
    id: row.id,
    created_at: coarse ? `${row.created_at.slice(0, 13)}:00:00.000Z` : row.created_at,
    kiosk_id: row.kiosk_id,
    content_version: row.content_version,
    locale: row.locale,
    worry_before: text(row.worry_before),
    worry_after: text(row.worry_after),
    overall_helpfulness: text(row.overall_helpfulness),
    answered_questions: text(row.answered_questions),
    ...Object.fromEntries(topicIds.map((id) => [`topic_${id}`, id in row.topics ? String(row.topics[id]) : ''])),
    comment: text(row.comment),
    partial: row.partial === 1 ? 'true' : 'false',
  };
}

/** The same row as JSON and NDJSON hold it: real numbers, booleans and nulls, no quote prefix. */
function expectedJson(row: StoredFeedback, topicIds: string[]): Record<string, unknown> {
  return {
    id: row.id,
    created_at: row.created_at,
    kiosk_id: row.kiosk_id,
    content_version: row.content_version,
    locale: row.locale,
    worry_before: row.worry_before,
    worry_after: row.worry_after,
    overall_helpfulness: row.overall_helpfulness,
    answered_questions: row.answered_questions,
    ...Object.fromEntries(topicIds.map((id) => [`topic_${id}`, row.topics[id] ?? null])),
    comment: row.comment,
    partial: row.partial === 1,
  };
}

const allTopics = (rows: StoredFeedback[]) => [...new Set(rows.flatMap((row) => Object.keys(row.topics)))].sort();

describe('topic columns', () => {
  it('are one per topic of the content pack, in its order, in every export, answered or not', async () => {
    const dir = tempDir();
    const store = openFeedbackStore({ dataDir: dir, kioskId: 'kiosk-1', now: EXPORT_CLOCK });
    const pack = ['summary', 'comparison', 'faq'];
    const header = (file: { text: string }) =>
      file.text
        .slice(1)
        .split('\r\n')[0]!
        .split(',')
        .filter((column) => column.startsWith('topic_'));
    const empty = await exportInto(dir, store, { format: 'csv' }, 'empty.csv', pack);
    expect(header(empty)).toEqual(['topic_summary', 'topic_comparison', 'topic_faq']);
    store.submit(validSubmission({ topicHelpful: { faq: true } }));
    const one = await exportInto(dir, store, { format: 'csv' }, 'one.csv', pack);
    expect(header(one)).toEqual(['topic_summary', 'topic_comparison', 'topic_faq']);
    // A topic only an older pack had comes after the pack's own, so nothing answered is dropped.
    store.submit(validSubmission({ topicHelpful: { 'old-topic': false } }));
    const json = await exportInto(dir, store, { format: 'json' }, 'all.json', pack);
    expect(Object.keys(JSON.parse(json.text)[0]).filter((column) => column.startsWith('topic_'))).toEqual([
      'topic_summary',
      'topic_comparison',
      'topic_faq',
      'topic_old-topic',
    ]);
    store.close();
  });
});

describe('CSV export', () => {
  it('holds the database rows exactly, as RFC 4180 with a BOM and CRLF', async () => {
    const { store, dir } = seededStore();
    const rows = readStoredFeedback(store.file);
    const exported = await exportInto(dir, store, { format: 'csv', coarsenToHour: true });

    expect([...exported.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const topicIds = allTopics(rows);
    expect(topicIds).toEqual(['faq', 'safety', 'summary']);
    const header = `id,created_at,kiosk_id,content_version,locale,worry_before,worry_after,overall_helpfulness,answered_questions,topic_faq,topic_safety,topic_summary,comment,partial`;
    expect(exported.text.slice(1).startsWith(`${header}\r\n`)).toBe(true);
    expect(exported.text.endsWith('\r\n')).toBe(true);
    // Every line break outside a quoted cell is CRLF.
    expect(
      exported.text
        .replace(/"(?:[^"]|"")*"/g, '')
        .match(/\r?\n/g)!
        .every((end) => end === '\r\n'),
    ).toBe(true);

    const parsed = parse(exported.bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(parsed).toEqual(rows.map((row) => expectedCsv(row, topicIds, true)));
    expect(exported.rows).toBe(rows.length);
    store.close();
  });

  it('neutralises every cell that a spreadsheet would run as a formula', async () => {
    const { store, dir } = seededStore();
    const exported = await exportInto(dir, store, { format: 'csv' });
    const comments = (parse(exported.bytes, { bom: true, columns: true }) as Record<string, string>[]).map((row) => row.comment ?? '');
    for (const dangerous of DANGEROUS_COMMENTS) expect(comments).toContain(`'${dangerous}`);
    expect(exported.text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(comments.filter((comment) => /^[=+\-@\t\r]/.test(comment))).toEqual([]);
    store.close();
  });

  it('rounds times down to the hour only when asked', async () => {
    const { store, dir } = seededStore();
    const exact = await exportInto(dir, store, { format: 'csv', coarsenToHour: false }, 'exact.csv');
    const coarse = await exportInto(dir, store, { format: 'csv', coarsenToHour: true }, 'coarse.csv');
    const times = (file: typeof exact) => (parse(file.bytes, { bom: true, columns: true }) as Record<string, string>[]).map((row) => row.created_at);
    expect(times(exact).slice(0, 3)).toEqual(['2026-11-02T09:41:00.000Z', '2026-11-03T23:59:00.000Z', '2026-11-04T00:00:00.000Z']); // as stored: to the minute
    expect(times(coarse).slice(0, 3)).toEqual(['2026-11-02T09:00:00.000Z', '2026-11-03T23:00:00.000Z', '2026-11-04T00:00:00.000Z']);
    expect(exact.manifest.coarsenedToHour).toBe(false);
    expect(coarse.manifest.coarsenedToHour).toBe(true);
    store.close();
  });
});

describe('JSON and NDJSON export', () => {
  it('hold the same rows with real types, one array or one object per line', async () => {
    const { store, dir } = seededStore();
    const rows = readStoredFeedback(store.file);
    const expected = rows.map((row) => expectedJson(row, allTopics(rows)));
    const json = await exportInto(dir, store, { format: 'json' });
    const ndjson = await exportInto(dir, store, { format: 'ndjson' });
    expect(JSON.parse(json.text)).toEqual(expected);
    expect(json.text.charCodeAt(0)).not.toBe(0xfeff);
    const lines = ndjson.text.split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line))).toEqual(expected);
    expect(JSON.parse(json.text)[3].comment).toBe('=HYPERLINK("http://x","y")'); // only CSV cells get the quote
    store.close();
  });

  it('are well-formed when nothing matches', async () => {
    const dir = tempDir();
    const store = openFeedbackStore({ dataDir: dir, kioskId: 'kiosk-1' });
    expect(JSON.parse((await exportInto(dir, store, { format: 'json' })).text)).toEqual([]);
    expect((await exportInto(dir, store, { format: 'ndjson' })).text).toBe('');
    const csv = await exportInto(dir, store, { format: 'csv' });
    expect(csv.text).toBe(
      '\ufeffid,created_at,kiosk_id,content_version,locale,worry_before,worry_after,overall_helpfulness,answered_questions,comment,partial\r\n',
    );
    store.close();
  });
});

describe('choosing rows', () => {
  it('takes local days, since and until both included', async () => {
    const dir = tempDir();
    const store = openFeedbackStore({ dataDir: dir, kioskId: 'kiosk-1' });
    const at = [new Date(2026, 10, 1, 23, 59, 59), new Date(2026, 10, 2, 0, 0, 0), new Date(2026, 10, 3, 23, 59, 59, 999), new Date(2026, 10, 4, 0, 0, 0)];
    const ids = at.map((when) => {
      const submission = validSubmission();
      store.submit(submission, { now: when });
      return submission.id;
    });
    const exported = await exportInto(dir, store, { format: 'json', since: '2026-11-02', until: '2026-11-03' });
    expect(JSON.parse(exported.text).map((row: { id: string }) => row.id)).toEqual(ids.slice(1, 3));
    expect(exported.manifest.filters).toMatchObject({ since: '2026-11-02', until: '2026-11-03', onlyUnexported: false });
    const onlySince = await exportInto(dir, store, { format: 'json', since: '2026-11-03' }, 'since.json');
    expect(onlySince.rows).toBe(2);
    store.close();
  });

  it('marks what it exported, so "only not yet exported" takes just the new rows', async () => {
    const { store, dir } = seededStore();
    const total = store.countTotal();
    expect((await exportInto(dir, store, { format: 'csv', onlyUnexported: true }, 'first.csv')).rows).toBe(total);
    expect(readStoredFeedback(store.file).every((row) => row.exported_at === '2026-11-29T12:00:00.000Z')).toBe(true);
    const fresh = [validSubmission(), validSubmission()];
    for (const submission of fresh) store.submit(submission);
    const second = await exportInto(dir, store, { format: 'ndjson', onlyUnexported: true }, 'second.ndjson');
    expect(
      second.text
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).id),
    ).toEqual(fresh.map((s) => s.id));
    expect((await exportInto(dir, store, { format: 'json', onlyUnexported: true }, 'third.json')).rows).toBe(0);
    expect((await exportInto(dir, store, { format: 'json' }, 'everything.json')).rows).toBe(total + 2);
    store.close();
  });
});

describe('files', () => {
  it('come with a manifest whose SHA-256 and row count match the file', async () => {
    const { store, dir } = seededStore();
    const exported = await exportInto(dir, store, { format: 'csv', since: '2026-11-01' });
    expect(exported.sha256).toBe(sha256(exported.bytes));
    expect(exported.manifest).toMatchObject({
      file: 'out.csv',
      format: 'csv',
      rows: 10,
      sha256: sha256(exported.bytes),
      createdAt: '2026-11-29T12:00:00.000Z',
      kioskId: 'kiosk-1',
    });
    expect(exported.manifest.filters).toMatchObject({ since: '2026-11-01', until: null, onlyUnexported: false });
    expect(readdirSync(dir).filter((name) => name.includes('.partial'))).toEqual([]);
    store.close();
  });

  it('are named by kiosk and date range, never overwriting an earlier export', () => {
    expect(exportFileName('lobby-1', '2026-11-01', '2026-11-29', 'csv')).toBe('clinic-kiosk_lobby-1_2026-11-01_to_2026-11-29.csv');
    expect(exportFileName('lobby-1', undefined, '2026-11-29', 'json')).toBe('clinic-kiosk_lobby-1_all_to_2026-11-29.json');
    expect(exportFileName('lobby-1', '2026-11-01', undefined, 'ndjson')).toBe('clinic-kiosk_lobby-1_2026-11-01_to_all.ndjson');
    expect(exportFileName('lobby-1', undefined, undefined, 'csv')).toBe('clinic-kiosk_lobby-1_all.csv');
    const dir = tempDir();
    expect(freeFileName(dir, 'a.csv')).toBe('a.csv');
    writeFileSync(join(dir, 'a.csv'), '');
    expect(freeFileName(dir, 'a.csv')).toBe('a-2.csv');
    writeFileSync(join(dir, 'a-2.csv.manifest.json'), ''); // a manifest alone also takes the name
    expect(freeFileName(dir, 'a.csv')).toBe('a-3.csv');
  });

  it('leave nothing behind and mark nothing when the file cannot be written', async () => {
    const { store, dir } = seededStore();
    await expect(exportInto(join(dir, 'no-such-folder'), store, { format: 'csv' })).rejects.toMatchObject({ code: 'ENOENT' });
    expect(readStoredFeedback(store.file).every((row) => row.exported_at === null)).toBe(true);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
    store.close();
  });
});
