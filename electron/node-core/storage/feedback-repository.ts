/**
 * The feedback and feedback_topics tables: a patient's submit, the rows export and sync read and
 * mark, retention, and the dashboard's figures. Feedback is validated once, at the API boundary
 * (dispatch): this takes the validated type and does not check it again.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { FeedbackSubmission } from '../../common/feedback/schema.js';
import { startOfLocalDay } from '../../common/dates.js';
import { scrubComment } from '../../common/feedback/scrub.js';
import { toStoredTime } from '../../common/feedback/time-precision.js';
import { csvHeader, csvPages, type TextPage } from './csv-pages.js';
import { prepareDashboardQueries, readDashboardFigures, type DashboardFigures } from './dashboard-figures.js';
import { guardStorage } from './errors.js';
import {
  feedbackFilter,
  keysetPages,
  keysetWhere,
  prepareFeedbackStatements,
  SELECT_FEEDBACK,
  toInsertParams,
  toRecord,
  type FeedbackQuery,
  type FeedbackRecord,
  type FeedbackRow,
  type FeedbackStatements,
} from './feedback-rows.js';
import type { RepositoryContext } from './repository-context.js';

export type { FeedbackQuery, FeedbackRecord } from './feedback-rows.js';
export type { DashboardFigures } from './dashboard-figures.js';
export type { TextPage } from './csv-pages.js';

export interface SubmitResult {
  stored: true;
  /** True when a feedback with this id was already stored; the first one is kept unchanged. */
  duplicate: boolean;
}

export interface FeedbackRepositoryContext extends RepositoryContext {
  /** Stored on every row; names the kiosk, never the patient. */
  kioskId: string;
  /** Lowers the file's size cap to what the disk allows; run before each submit. */
  capSize: () => void;
}

/** Rows per read while streaming, and per JSON or NDJSON export page: small enough for memory, large enough to be quick. */
const PAGE_SIZE = 500;
/** Rows per CSV page: a few milliseconds of SQLite's time each, so the event loop turns often. */
const CSV_PAGE_ROWS = 2000;
/** Rows scanned per statement when collecting topic ids. */
const TOPIC_SCAN_ROWS = 10_000;
/** Rows marked exported per statement: a few milliseconds each, even on a slow kiosk PC. */
const MARK_CHUNK_ROWS = 2000;

export class FeedbackRepository {
  readonly #db: Database.Database;
  readonly #context: FeedbackRepositoryContext;
  readonly #sql: FeedbackStatements;
  readonly #dashboard: ReturnType<typeof prepareDashboardQueries>;

  constructor(db: Database.Database, context: FeedbackRepositoryContext) {
    this.#db = db;
    this.#context = context;
    this.#sql = prepareFeedbackStatements(db);
    this.#dashboard = prepareDashboardQueries(db);
  }

  /** Scrubs the comment and stores the feedback and its topic answers in one transaction. */
  submit(submission: FeedbackSubmission, options: { kioskId?: string; now?: Date } = {}): SubmitResult {
    const { kioskId, now, logger, capSize } = this.#context;
    const comment = submission.comment === null ? null : scrubComment(submission.comment).trim() || null;
    const params = toInsertParams(submission, comment, options.kioskId ?? kioskId, toStoredTime(options.now ?? now()));
    try {
      const inserted = guardStorage(() => {
        capSize();
        return this.#sql.insertAll(params, Object.entries(submission.topicHelpful));
      });
      return { stored: true, duplicate: !inserted };
    } catch (error) {
      // The id only: it links to nothing about the patient, and helps match the renderer's report.
      logger.error({ err: error, feedbackId: params.id }, 'could not store feedback; nothing was written');
      throw error;
    }
  }

  getById(id: string): FeedbackRecord | undefined {
    const row = guardStorage(() => this.#sql.selectById.get(id.toLowerCase()));
    return row && toRecord(row);
  }

  /** Feedback created since local midnight. */
  countToday(): number {
    // "Today" is the clinic's local day; rows are stored in UTC, so convert the day's bounds.
    const start = startOfLocalDay(this.#context.now());
    return guardStorage(() => this.#sql.countBetween.get(start.toISOString(), startOfLocalDay(start, 1).toISOString())!);
  }

  countTotal(): number {
    return guardStorage(() => this.#sql.countAll.get()!);
  }

  countUnsynced(): number {
    return guardStorage(() => this.#sql.countNotSynced.get()!);
  }

  /**
   * Feedback in `seq` order, a page of rows at a time (keysetPages): a consumer that awaits between
   * pages (an export) never holds up a patient's submit, and may itself write, e.g. mark rows exported.
   */
  *feedbackPages(query: FeedbackQuery = {}): Generator<FeedbackRecord[]> {
    const { where, params } = keysetWhere(query);
    const page = guardStorage(() => this.#db.prepare<(string | number)[], FeedbackRow>(`${SELECT_FEEDBACK} WHERE ${where} ORDER BY seq LIMIT ${PAGE_SIZE}`));
    for (const rows of keysetPages(
      (after) => guardStorage(() => page.all(after, ...params)),
      PAGE_SIZE,
      (row) => row.seq,
    ))
      yield rows.map(toRecord);
  }

  /** The same, a row at a time. */
  *iterateFeedback(query: FeedbackQuery = {}): Generator<FeedbackRecord> {
    for (const records of this.feedbackPages(query)) yield* records;
  }

  /** The same rows as CSV text, a page at a time, built by SQLite: see csv-pages.ts. */
  csvPages(query: FeedbackQuery, topicIds: readonly string[], coarsenToHour: boolean): Generator<TextPage> {
    return csvPages(this.#db, query, topicIds, coarsenToHour, CSV_PAGE_ROWS);
  }

  /** The CSV header line for these column names, quoted by the same rules as csvPages. */
  csvHeader(columns: readonly string[]): string {
    return csvHeader(this.#db, columns);
  }

  /** The topic ids answered in the feedback that `query` selects, sorted; read in ranges, yielding between. */
  async topicIds(query: FeedbackQuery = {}): Promise<string[]> {
    const { conditions, params } = feedbackFilter(query);
    const where = ['feedback.seq > ?', 'feedback.seq <= ?', ...conditions].join(' AND ');
    const text = `SELECT DISTINCT topic_id FROM feedback_topics JOIN feedback ON feedback.id = feedback_topics.feedback_id WHERE ${where}`;
    const inRange = guardStorage(() => this.#db.prepare<(string | number)[], string>(text).pluck());
    const lastSeq = guardStorage(() => this.#sql.lastSeq.get()) ?? 0;
    const found = new Set<string>();
    // A range of rows at a time, with a turn of the event loop between: one scan of 100,000 rows
    // held the kiosk for 70–160 ms.
    for (let after = 0; after < lastSeq; after += TOPIC_SCAN_ROWS) {
      if (after > 0) await nextTurn();
      for (const id of guardStorage(() => inRange.all(after, after + TOPIC_SCAN_ROWS, ...params))) found.add(id);
    }
    return [...found].sort();
  }

  /** Sets `exported_at` on those of these rows that lack it, in one statement; returns how many. */
  markExported(seqs: readonly number[], at = this.#context.now()): number {
    return guardStorage(() => this.#sql.markExported.run(at.toISOString(), JSON.stringify(seqs)).changes);
  }

  /**
   * The same for any number of rows, `chunkSize` at a time with a turn of the event loop between
   * chunks, so marking 100,000 rows never holds up the kiosk (one statement for them all took 130 ms).
   * Each chunk is its own transaction: if one fails, the chunks before it stay marked and it throws.
   */
  async markExportedInChunks(seqs: readonly number[], at = this.#context.now(), chunkSize = MARK_CHUNK_ROWS): Promise<number> {
    let marked = 0;
    for (let start = 0; start < seqs.length; start += chunkSize) {
      if (start > 0) await nextTurn();
      const chunk = seqs.slice(start, start + chunkSize);
      // The log (WAL) is one file written in order, so the last chunk's commit, fsynced as every
      // commit is, makes the chunks before it durable too: they need not each wait for the disk
      // (50 fsyncs took longer than all the marking). Set and reset within this synchronous step,
      // so a patient's submit between chunks still commits with synchronous=FULL.
      if (start + chunkSize >= seqs.length) {
        marked += this.markExported(chunk, at);
        continue;
      }
      guardStorage(() => this.#db.pragma('synchronous = NORMAL'));
      try {
        marked += this.markExported(chunk, at);
      } finally {
        guardStorage(() => this.#db.pragma('synchronous = FULL'));
      }
    }
    return marked;
  }

  /** The oldest rows waiting for sync (not synced, not set aside), in `seq` order. */
  pendingSync(limit: number): FeedbackRecord[] {
    return guardStorage(() => this.#sql.pendingSync.all(limit)).map(toRecord);
  }

  /** Sets `synced_at` on those of these rows (by id) that lack it, in one statement; returns how many. */
  markSynced(ids: readonly string[], at = this.#context.now()): number {
    return guardStorage(() => this.#sql.markSynced.run(at.toISOString(), JSON.stringify(ids)).changes);
  }

  /** Sets these rows aside from sync with the collector's reason; returns how many. */
  quarantineSync(ids: readonly string[], reason: string, at = this.#context.now()): number {
    return guardStorage(() => this.#sql.quarantineSync.run(at.toISOString(), reason, JSON.stringify(ids)).changes);
  }

  /** Rows sync has set aside. */
  countSyncQuarantined(): number {
    return guardStorage(() => this.#sql.countSyncQuarantined.get()!);
  }

  /** Puts every set-aside row back in the outbox; returns how many. */
  releaseSyncQuarantine(): number {
    return guardStorage(() => this.#sql.releaseSyncQuarantine.run().changes);
  }

  /**
   * Deletes feedback created before `cutoff` that was synced, or with `syncedOnly` false also one
   * that was exported; never one that was neither. Which applies is staff/retention.ts's rule.
   */
  deleteExpired(cutoff: Date, { syncedOnly }: { syncedOnly: boolean }): number {
    // feedback_topics rows go with their feedback (ON DELETE CASCADE).
    return guardStorage(() => this.#sql.deleteExpired.run(cutoff.toISOString(), syncedOnly ? 1 : 0).changes);
  }

  /** The admin dashboard's figures over all stored feedback, with the last `days` local days. */
  dashboard(days = 30): DashboardFigures {
    return guardStorage(() => readDashboardFigures(this.#dashboard, this.#context.now(), days));
  }
}
