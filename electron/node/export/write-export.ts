/**
 * Writes an export: rows streamed from the store through the format's encoder into the file, with
 * backpressure all the way and a turn of the event loop every so often, so 100,000 rows never
 * freeze the kiosk. Then the manifest.
 *
 * A row counts as exported only once its file was delivered: `exportFeedback` marks the rows as
 * soon as the file is durably in its folder (the CLI, Electron's folder); a download marks them
 * when its last byte was sent (see Exporter), so it writes with `writeExport` and marks later.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { stringify } from 'csv-stringify';
import type { ExportFormat } from '../../common/api/staff.js';
import { LOCAL_DATE_RULE, parseLocalDate, startOfLocalDay } from '../../common/dates.js';
import type { FeedbackQuery, FeedbackStore } from '../storage/feedback-store.js';
import { PRIVATE_FILE_MODE } from '../storage/private-files.js';
import { writeDurably } from './durable-file.js';
import { exportColumns, toExportRow, type ExportRow } from './export-rows.js';

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

/** Rows between two turns of the event loop. */
const ROWS_PER_TURN = 500;

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
export async function exportFeedback(store: FeedbackStore, options: ExportOptions, file: string, context: ExportContext): Promise<WrittenExport> {
  const written = await writeExport(store, options, file, context);
  await store.markExportedInChunks(written.seqs, context.now());
  return written;
}

/** Writes `file` and `<file>.manifest.json`, marking nothing; returns what was written. */
export async function writeExport(store: FeedbackStore, options: ExportOptions, file: string, context: ExportContext): Promise<WrittenExport> {
  const query = toFeedbackQuery(options);
  // The same columns every time, answered or not; a topic only older content had comes after them.
  const topicIds = [...context.topics, ...(await store.topicIds(query)).filter((id) => !context.topics.includes(id))];
  const columns = exportColumns(topicIds);
  // iterateFeedback frees the connection between pages, but marking waits until the file is safe.
  const seqs: number[] = [];
  async function* rows(): AsyncGenerator<ExportRow> {
    for (const record of store.iterateFeedback(query)) {
      seqs.push(record.seq);
      yield toExportRow(record, topicIds, options.coarsenToHour);
      if (seqs.length % ROWS_PER_TURN === 0) await nextTurn();
    }
  }

  const hash = createHash('sha256');
  await writeDurably(file, (partial) =>
    pipeline(
      Readable.from(rows()),
      encoder(options.format, columns),
      tap((chunk) => hash.update(chunk)),
      createWriteStream(partial, { flush: true, mode: PRIVATE_FILE_MODE }),
    ),
  );
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

function encoder(format: ExportFormat, columns: string[]): Transform {
  if (format === 'csv') {
    // RFC 4180 with CRLF, a BOM so Excel reads UTF-8, and the library's formula neutralising:
    // a string cell starting with = + - @ tab or CR gets a leading ' (numbers are left alone).
    return stringify({
      header: true,
      columns,
      bom: true,
      record_delimiter: 'windows',
      escape_formulas: true,
      cast: { boolean: (value) => String(value) },
    });
  }
  if (format === 'ndjson') return objectsToText((row) => `${JSON.stringify(row)}\n`);
  let first = true;
  return objectsToText(
    (row) => {
      const text = `${first ? '[\n' : ',\n'}${JSON.stringify(row)}`;
      first = false;
      return text;
    },
    () => (first ? '[]\n' : '\n]\n'),
  );
}

function objectsToText(line: (row: ExportRow) => string, end: () => string = () => ''): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(row: ExportRow, _encoding, done: TransformCallback) {
      done(null, line(row));
    },
    flush(done: TransformCallback) {
      done(null, end() || undefined);
    },
  });
}

/** Passes bytes through unchanged, showing each chunk to `see` (here: the SHA-256). */
function tap(see: (chunk: Buffer) => void): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done: TransformCallback) {
      see(chunk);
      done(null, chunk);
    },
  });
}
