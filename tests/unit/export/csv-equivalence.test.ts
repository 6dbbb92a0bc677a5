/**
 * SQLite builds the CSV export's text (storage/csv-pages.ts). csv-stringify, the library the export
 * used before, is the reference: on tricky data, over several pages, the file must be byte for byte
 * what it writes from the same rows with the export's options, and parse back to the same cells.
 */
import Database from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { CSV_RULES } from '../../../electron/node-core/export/csv-rules.js';
import { describe, expect, it } from 'vitest';
import { exportColumns, toExportRow } from '../../../electron/node-core/export/export-rows.js';
import { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { seedFeedback } from '../../support/seed-feedback.js';
import { useTempDirs } from '../storage/helpers.js';
import { exportInto } from './helpers.js';

const tempDir = useTempDirs('kiosk-csv-equivalence-');

/** The content pack's topics; rows also answer two topics only an older pack had. */
const PACK = ['summary', 'faq', 'safety'];

/** Text a spreadsheet or a CSV reader could trip on, in every free-text column. */
const TRICKY = [
  'He said "hi"',
  'a,b',
  'two\nlines',
  'carriage\rreturn',
  'windows\r\nline',
  'ends with CR\r',
  '"',
  '=SUM(A1:A9)',
  '+1',
  '-2',
  '@handle',
  '\tTab first',
  '\rCR first',
  '\uFF1Dfull-width equals',
  '\uFF0B\uFF0D\uFF20',
  '=HYPERLINK("http://x","y"),\nnext',
  "'already quoted",
  ' leading space',
  'café ✓ 😀 日本語',
  '',
];

/** Rows written past the store, so nothing is trimmed or scrubbed: what old or damaged data can hold. */
function insertTricky(file: string): void {
  const db = new Database(file);
  const insert = db.prepare(`INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, worry_before, worry_after,
      overall_helpfulness, answered_questions, comment, partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const topic = db.prepare('INSERT INTO feedback_topics (feedback_id, topic_id, helpful) VALUES (?, ?, ?)');
  db.transaction(() => {
    [...TRICKY, null].forEach((comment, i) => {
      const text = comment ?? 'none';
      const id = `${text.slice(0, 4)}${String(i).padStart(4, '0')}`.padEnd(36, 'x');
      insert.run(
        id,
        `2026-11-0${1 + (i % 9)}T1${i % 10}:4${i % 10}:00.000Z`,
        i % 3 === 0 ? text.slice(0, 64) || 'k' : 'kiosk-1',
        i % 4 === 0 ? `${text}1.0.0`.slice(0, 32) : '1.0.0',
        i % 5 === 0 ? `${text}en`.slice(0, 5).padEnd(2, 'x') : 'en',
        i % 2 === 0 ? null : 1 + (i % 5),
        i % 3 === 0 ? null : 5 - (i % 5),
        i % 4 === 0 ? null : 1 + (i % 5),
        [null, 'yes', 'partly', 'no'][i % 4],
        comment,
        i % 2,
      );
      // Some rows answer nothing, some a pack topic, some topics the pack no longer has.
      if (i % 3 === 1) topic.run(id, 'faq', 0);
      if (i % 2 === 1) topic.run(id, 'summary', 1);
      if (i % 4 === 2) topic.run(id, 'old,topic', 1);
      if (i % 5 === 3) topic.run(id, '=old', 0);
    });
  })();
  db.close();
}

/**
 * What csv-stringify writes for the same rows with the kiosk's CSV rules. With `record_delimiter:
 * 'windows'` alone it quoted only a CRLF, so a comment with a bare LF or CR went out unquoted and
 * split the row in Excel and LibreOffice: the rules add `quote_record_delimiter`.
 */
async function referenceCsv(store: KioskDatabase, coarsenToHour: boolean): Promise<Buffer> {
  const topicIds = [...PACK, ...(await store.feedback.topicIds()).filter((id) => !PACK.includes(id))];
  const rows = [...store.feedback.iterateFeedback()].map((record) => toExportRow(record, topicIds, coarsenToHour));
  const text = stringify(rows, {
    header: true,
    columns: exportColumns(topicIds),
    ...CSV_RULES,
    cast: { boolean: (value) => String(value) },
  });
  return Buffer.from(text);
}

describe('the CSV export', () => {
  it('is byte for byte what csv-stringify writes from the same rows, over several pages', async () => {
    const dir = tempDir();
    const store = new KioskDatabase({ dataDir: dir, kioskId: 'kiosk-1' });
    seedFeedback(store.file, 4500); // more than two pages of CSV, '=cmd i, "quoted"' comments among them
    insertTricky(store.file);

    for (const coarsenToHour of [true, false]) {
      const exported = await exportInto(dir, store, { format: 'csv', coarsenToHour }, `out-${coarsenToHour}.csv`, PACK);
      const expected = await referenceCsv(store, coarsenToHour);
      expect(exported.rows).toBe(4500 + TRICKY.length + 1);
      expect(exported.text.split('\r\n')[0]).toBe(
        '\ufeffid,created_at,kiosk_id,content_version,locale,worry_before,worry_after,overall_helpfulness,answered_questions,topic_summary,topic_faq,topic_safety,topic_=old,"topic_old,topic",comment,partial',
      );
      expect(exported.text).toBe(expected.toString('utf8'));
      expect(exported.bytes.equals(expected)).toBe(true);
      expect(parse(exported.bytes, { bom: true })).toEqual(parse(expected, { bom: true }));
    }
    store.close();
  });

  it('quotes every cell with a line break, CRLF or not', async () => {
    const dir = tempDir();
    const store = new KioskDatabase({ dataDir: dir, kioskId: 'kiosk-1' });
    insertTricky(store.file);
    const { text } = await exportInto(dir, store, { format: 'csv' }, 'breaks.csv', PACK);
    for (const cell of ['two\nlines', 'carriage\rreturn', 'windows\r\nline', 'ends with CR\r', "'\rCR first"]) expect(text).toContain(`,"${cell}",`);
    // Outside quoted cells, the only line breaks are the CRLFs that end records.
    expect(
      text
        .replace(/"(?:[^"]|"")*"/g, '')
        .match(/\r\n|\r|\n/g)!
        .every((end) => end === '\r\n'),
    ).toBe(true);
    store.close();
  });

  it('keeps each tricky text intact, guarded against formulas, when read back', async () => {
    const dir = tempDir();
    const store = new KioskDatabase({ dataDir: dir, kioskId: 'kiosk-1' });
    insertTricky(store.file);
    const exported = await exportInto(dir, store, { format: 'csv' }, 'tricky.csv', PACK);
    const comments = (parse(exported.bytes, { bom: true, columns: true }) as Record<string, string>[]).map((row) => row.comment);
    const guarded = (text: string) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(text) ? `'${text}` : text);
    expect(comments).toEqual([...TRICKY.map(guarded), '']); // the last row's comment is NULL
    store.close();
  });

  it('exports a kiosk whose feedback named 1,200 topics over the years, as csv-stringify would', async () => {
    // Each topic is a term of the line's SQL expression: one long chain of `||` passed SQLite's
    // expression depth limit (1,000) at about 450 topics and failed the whole export.
    const dir = tempDir();
    const store = new KioskDatabase({ dataDir: dir, kioskId: 'kiosk-1' });
    seedFeedback(store.file, 3);
    const db = new Database(store.file);
    const topic = db.prepare('INSERT INTO feedback_topics (feedback_id, topic_id, helpful) SELECT id, ?, ? FROM feedback');
    db.transaction(() => {
      for (let i = 0; i < 1200; i++) topic.run(`topic-${String(i).padStart(4, '0')}`, i % 2);
    })();
    db.close();
    const exported = await exportInto(dir, store, { format: 'csv', coarsenToHour: true }, 'many-topics.csv', PACK);
    expect(exported.text).toBe((await referenceCsv(store, true)).toString('utf8'));
    expect(exported.text.split('\r\n')[1]!.split(',')).toHaveLength(9 + PACK.length + 1200 + 2);
    store.close();
  });
});
