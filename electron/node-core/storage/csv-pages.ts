/**
 * The CSV export's text, built by SQLite: each page of rows comes back as one string of finished
 * CSV lines. Quoting in C saves building a JavaScript object and string per cell, which made the
 * export several times slower than `sqlite3 -csv` (see README, Performance).
 *
 * The cells are exactly what csv-stringify writes with the export's options (`escape_formulas`,
 * CRLF, and RFC 4180 quotes around any cell with a quote, comma or line break); a test holds the two
 * byte for byte on tricky data. This is SQL string functions, not a CSV encoder of our own: there is
 * no parsing, and one rule per kind of cell.
 */
import type Database from 'better-sqlite3';
import { HOUR_PREFIX_LENGTH, HOUR_SUFFIX } from '../../common/feedback/time-precision.js';
import { guardStorage } from './errors.js';
import { keysetPages, keysetWhere, type FeedbackQuery } from './feedback-rows.js';

/** One page of an export: its text (CSV: lines ending in CRLF) and the rows in it, in `seq` order. */
export interface TextPage {
  text: string;
  seqs: number[];
}

/** First characters a spreadsheet reads as a formula (csv-stringify's list, full-width forms too). */
const FORMULA_STARTS = ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'];

/**
 * A text value as a CSV cell, in SQL: NULL becomes empty; a formula gets a leading `'`; a cell with
 * a quote, comma or line break is quoted, its quotes doubled. `value` is evaluated several times,
 * so it must be a column.
 */
function textCell(value: string): string {
  const starts = FORMULA_STARTS.map((c) => c.codePointAt(0)).join(', ');
  const safe = `iif(unicode(${value}) IN (${starts}), '''' || ${value}, ${value})`;
  // GLOB's [...] matches one of: a quote, a comma, LF or CR.
  const needsQuotes = `${value} GLOB ('*[",' || char(10, 13) || ']*')`;
  return `ifnull(iif(${needsQuotes}, '"' || replace(${safe}, '"', '""') || '"', ${safe}), '')`;
}

/** A value that never needs quotes or a formula guard, NULL as an empty cell. */
const plain = (column: string) => `ifnull(${column}, '')`;
const bool = (expr: string) => `iif(${expr}, 'true', 'false')`;

/**
 * The columns of export-rows.ts in SQL, in its order; `?` per topic id, bound first. Integer columns
 * come out as their digits, booleans as true/false, NULL and an unanswered topic as empty. The
 * schema's CHECKs (migration 001) keep `created_at` to digits and `answered_questions` to yes,
 * partly or no: they can never need quotes or a formula guard, so they skip that work.
 */
function lineSql(topicCount: number, coarsenToHour: boolean): string {
  // time-precision.ts's coarsenToHour: `…T14:37:00.000Z` → `…T14:00:00.000Z`.
  const createdAt = coarsenToHour ? `substr(created_at, 1, ${HOUR_PREFIX_LENGTH}) || '${HOUR_SUFFIX}'` : 'created_at';
  const topic = `ifnull((SELECT ${bool('helpful')} FROM feedback_topics WHERE feedback_id = feedback.id AND topic_id = ?), '')`;
  const cells = [
    textCell('id'),
    createdAt,
    textCell('kiosk_id'),
    textCell('content_version'),
    textCell('locale'),
    plain('worry_before'),
    plain('worry_after'),
    plain('overall_helpfulness'),
    plain('answered_questions'),
    ...Array.from({ length: topicCount }, () => topic),
    textCell('comment'),
    bool('partial'),
  ];
  return `${joinCells(cells)} || char(13, 10)`;
}

/** Cells per parenthesised group of the line's `||` chain. */
const GROUP = 50;

/**
 * The cells joined by commas, in groups: SQLite parses `a || b || c …` as a tree as deep as the
 * chain is long, and refuses one deeper than 1,000 (about 450 topic columns). Groups of 50 keep
 * the depth near 100 + 2 × cells / 50, whatever the number of topics.
 */
function joinCells(cells: string[]): string {
  const groups = [];
  for (let i = 0; i < cells.length; i += GROUP) groups.push(`(${cells.slice(i, i + GROUP).join(` || ',' || `)})`);
  return groups.join(` || ',' || `);
}

/** The feedback `query` selects, as CSV pages of `pageRows` rows (keysetPages, like feedbackPages). */
export function* csvPages(
  db: Database.Database,
  query: FeedbackQuery,
  topicIds: readonly string[],
  coarsenToHour: boolean,
  pageRows: number,
): Generator<TextPage> {
  const { where, params } = keysetWhere(query);
  const text = `SELECT seq, ${lineSql(topicIds.length, coarsenToHour)} FROM feedback WHERE ${where} ORDER BY seq LIMIT ${Math.trunc(pageRows)}`;
  const page = guardStorage(() => db.prepare<(string | number)[], [number, string]>(text).raw());
  const read = (after: number) => guardStorage(() => page.all(...topicIds, after, ...params));
  for (const rows of keysetPages(read, pageRows, ([seq]) => seq)) {
    yield { text: rows.map(([, line]) => line).join(''), seqs: rows.map(([seq]) => seq) };
  }
}

/** Column names as one CSV header line, with the same cell rules as the rows. */
export function csvHeader(db: Database.Database, columns: readonly string[]): string {
  const sql = `SELECT group_concat(${textCell('value')}, ',' ORDER BY key) FROM json_each(?)`;
  const line = guardStorage(() => db.prepare<[string], string | null>(sql).pluck().get(JSON.stringify(columns)));
  return `${line ?? ''}\r\n`;
}
