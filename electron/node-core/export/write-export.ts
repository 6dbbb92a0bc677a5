/**
 * Writes an export: the format's text a page of rows at a time (for CSV built by SQLite itself, see
 * storage/csv-pages.ts), one write per page and a turn of the event loop after each, so 100,000 rows
 * never freeze the kiosk. Then the manifest.
 *
 * A row counts as exported only once its file was delivered: `exportFeedback` marks the rows as
 * soon as the file is durably in its folder (the CLI, Electron's folder); a download marks them
 * when its last byte was sent (see Exporter), so it writes with `writeExport` and marks later.
 */
import { createHash } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExportFormat } from '../../common/api/staff.js';
import { LOCAL_DATE_RULE, parseLocalDate, startOfLocalDay } from '../../common/dates.js';
import type { FeedbackQuery, FeedbackRecord, FeedbackRepository, TextPage } from '../storage/feedback-repository.js';
import { PRIVATE_FILE_MODE } from '../storage/private-files.js';
import { writeDurably } from './durable-file.js';
import { exportColumns, toExportRow } from './export-rows.js';

export interface ExportOptions {
  format: ExportFormat;
  /** Local date: from the start of this day. */
  since?: string;
  /** Local date: to the end of this day (inclusive). */
  until?: string;
  onlyUnexported: boolean;
  coarsenToHour: boolean;
}

export interface WrittenExport {
  file: string;
  manifestFile: string;
  rows: number;
  sha256: string;
  /** The rows in the file, to mark exported once it is delivered. */
  seqs: number[];
}

export const manifestFileFor = (file: string) => `${file}.manifest.json`;

export function toFeedbackQuery({ since, until, onlyUnexported }: Pick<ExportOptions, 'since' | 'until' | 'onlyUnexported'>): FeedbackQuery {
  const start = since === undefined ? undefined : parseLocalDate(since);
  const end = until === undefined ? undefined : parseLocalDate(until);
  if (start === null || end === null) throw new RangeError(`export dates ${LOCAL_DATE_RULE}`);
  return { since: start, until: end && startOfLocalDay(end, 1), onlyUnexported };
}

export interface ExportContext {
  kioskId: string;
  now: () => Date;
  /** The content pack's topic ids, in journey order: one column each, in every export. */
  topics: readonly string[];
}

/** Writes `file` and `<file>.manifest.json` durably (flushed, then renamed), then marks the rows exported. */
export async function exportFeedback(feedback: FeedbackRepository, options: ExportOptions, file: string, context: ExportContext): Promise<WrittenExport> {
  const written = await writeExport(feedback, options, file, context);
  await feedback.markExportedInChunks(written.seqs, context.now());
  return written;
}

/** Writes `file` and `<file>.manifest.json`, marking nothing; returns what was written. */
export async function writeExport(feedback: FeedbackRepository, options: ExportOptions, file: string, context: ExportContext): Promise<WrittenExport> {
  const query = toFeedbackQuery(options);
  // The same columns every time, answered or not; a topic only older content had comes after them.
  const topicIds = [...context.topics, ...(await feedback.topicIds(query)).filter((id) => !context.topics.includes(id))];
  const columns = exportColumns(topicIds);
  const { head, pages, tail } = formatted(feedback, options, query, topicIds, columns);

  // The pages are read one at a time; marking waits until the file is safe.
  const seqs: number[] = [];
  const hash = createHash('sha256');
  await writeDurably(file, async (partial) => {
    const handle = await open(partial, 'w', PRIVATE_FILE_MODE);
    try {
      // One write a page (writeFile writes all of it, from where the last one ended); awaiting it
      // turns the event loop, so no page's work adds up with the next.
      const write = (text: string) => {
        const bytes = Buffer.from(text);
        hash.update(bytes);
        return handle.writeFile(bytes);
      };
      await write(head);
      for (const page of pages) {
        for (const seq of page.seqs) seqs.push(seq);
        await write(page.text);
      }
      await write(tail(seqs.length));
      await handle.sync();
    } finally {
      await handle.close();
    }
  });
  const sha256 = hash.digest('hex');

  const manifestFile = manifestFileFor(file);
  const manifest = {
    file: basename(file),
    format: options.format,
    rows: seqs.length,
    sha256,
    createdAt: context.now().toISOString(),
    kioskId: context.kioskId,
    filters: {
      since: options.since ?? null,
      until: options.until ?? null,
      dates: 'local days of the kiosk; since and until both included',
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      onlyUnexported: options.onlyUnexported,
    },
    coarsenedToHour: options.coarsenToHour,
    columns,
  };
  await writeDurably(manifestFile, (partial) => writeFile(partial, `${JSON.stringify(manifest, null, 2)}\n`, { flush: true, mode: PRIVATE_FILE_MODE }));
  return { file, manifestFile, rows: seqs.length, sha256, seqs };
}

/** A format's text: what comes before the rows, the rows a page at a time, and what ends the file. */
interface FormattedText {
  head: string;
  pages: Iterable<TextPage>;
  tail: (rows: number) => string;
}

function formatted(
  feedback: FeedbackRepository,
  options: ExportOptions,
  query: FeedbackQuery,
  topicIds: readonly string[],
  columns: readonly string[],
): FormattedText {
  const { format, coarsenToHour } = options;
  // RFC 4180 with CRLF, a BOM so Excel reads UTF-8, and formula neutralising, written by SQLite.
  if (format === 'csv') return { head: `\ufeff${feedback.csvHeader(columns)}`, pages: feedback.csvPages(query, topicIds, coarsenToHour), tail: () => '' };
  const json = (record: FeedbackRecord) => JSON.stringify(toExportRow(record, topicIds, coarsenToHour));
  const pages = feedback.feedbackPages(query);
  if (format === 'ndjson') return { head: '', pages: textPages(pages, (record) => `${json(record)}\n`), tail: () => '' };
  return {
    head: '',
    pages: textPages(pages, (record, index) => `${index === 0 ? '[\n' : ',\n'}${json(record)}`),
    tail: (rows) => (rows === 0 ? '[]\n' : '\n]\n'),
  };
}

/** The repository's pages of records as pages of text, a line per record; `index` counts across pages. */
function* textPages(pages: Iterable<FeedbackRecord[]>, line: (record: FeedbackRecord, index: number) => string): Generator<TextPage> {
  let index = 0;
  for (const records of pages) yield { text: records.map((record) => line(record, index++)).join(''), seqs: records.map((record) => record.seq) };
}
