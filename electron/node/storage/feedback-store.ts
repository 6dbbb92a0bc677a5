/**
 * The feedback store: the only code that speaks SQL to the kiosk database. Everything else goes
 * through this interface, so the schema can change without touching the API or the UI.
 *
 * Calls are synchronous (better-sqlite3); each is short. Storage failures throw
 * StorageUnavailableError and write nothing. Feedback is validated once, at the API boundary
 * (dispatch): the store takes the validated type and does not check it again.
 */
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type Database from 'better-sqlite3';
import type { FeedbackSubmission } from '../../common/feedback/schema.js';
import { startOfLocalDay } from '../../common/dates.js';
import { scrubComment } from '../../common/feedback/scrub.js';
import { toStoredTime } from '../../common/feedback/time-precision.js';
import { capDatabaseSize, openDatabase, type StorageLogger } from './database.js';
import { csvHeader, csvPages, type TextPage } from './csv-pages.js';
import { prepareDashboardQueries, readDashboardFigures, type DashboardFigures } from './dashboard-figures.js';
import { guardStorage } from './errors.js';
import {
  feedbackFilter,
  INSERT_FEEDBACK,
  INSERT_TOPIC,
  SELECT_FEEDBACK,
  toInsertParams,
  toRecord,
  type FeedbackQuery,
  type FeedbackRecord,
  type FeedbackRow,
} from './feedback-rows.js';
import { migrate } from './migrate.js';
import { makePrivateDir } from './private-files.js';

export type { FeedbackQuery, FeedbackRecord } from './feedback-rows.js';
export type { DashboardFigures } from './dashboard-figures.js';
export type { TextPage } from './csv-pages.js';
export type { StorageLogger } from './database.js';

export const DATABASE_FILE_NAME = 'kiosk.db';

export interface OpenFeedbackStoreOptions {
  dataDir: string;
  /** Stored on every row; names the kiosk, never the patient. */
  kioskId: string;
  logger?: StorageLogger;
  /** The clock, for tests. */
  now?: () => Date;
  /** How long a write waits for a lock held elsewhere before giving up. */
  busyTimeoutMs?: number;
  /** Caps the database file's size; beyond it a submit fails as `disk_full`. */
  maxDatabaseBytes?: number;
  /**
   * Free disk space the database must leave alone: before each submit the cap is lowered to what
   * fits above it, so a filling disk fails a save cleanly long before the system runs out.
   */
  diskHeadroomBytes?: number;
}

export interface SubmitResult {
  stored: true;
  /** True when a feedback with this id was already stored; the first one is kept unchanged. */
  duplicate: boolean;
}

export interface Incident {
  id: number;
  at: string;
  kind: string;
  message: string;
  detail: string | null;
}

export interface FeedbackStore {
  /** The database file's path, for the status screen and the log. */
  readonly file: string;
  /** Scrubs the comment and stores the feedback and its topic answers in one transaction. */
  submit(submission: FeedbackSubmission, options?: { kioskId?: string; now?: Date }): SubmitResult;
  getById(id: string): FeedbackRecord | undefined;
  /** Feedback created since local midnight. */
  countToday(): number;
  countTotal(): number;
  countUnsynced(): number;
  /**
   * Streams feedback in `seq` order, a page of rows in memory at a time. Each page is read whole,
   * so the connection is free between rows: a consumer that awaits between them (an export) never
   * holds up a patient's submit, and may itself write, e.g. mark rows exported.
   */
  iterateFeedback(query?: FeedbackQuery): Generator<FeedbackRecord>;
  /** The same rows as CSV text, a page at a time, built by SQLite: see csv-pages.ts. */
  csvPages(query: FeedbackQuery, topicIds: readonly string[], coarsenToHour: boolean): Generator<TextPage>;
  /** The CSV header line for these column names, quoted by the same rules as csvPages. */
  csvHeader(columns: readonly string[]): string;
  /** The topic ids answered in the feedback that `query` selects, sorted; read in ranges, yielding between. */
  topicIds(query?: FeedbackQuery): Promise<string[]>;
  /** Sets `exported_at` on those of these rows that lack it, in one statement; returns how many. */
  markExported(seqs: readonly number[], at?: Date): number;
  /** The oldest rows waiting for sync (not synced, not set aside), in `seq` order. */
  pendingSync(limit: number): FeedbackRecord[];
  /** Sets `synced_at` on those of these rows (by id) that lack it, in one statement; returns how many. */
  markSynced(ids: readonly string[], at?: Date): number;
  /** Sets these rows aside from sync with the collector's reason; returns how many. */
  quarantineSync(ids: readonly string[], reason: string, at?: Date): number;
  /** Rows sync has set aside. */
  countSyncQuarantined(): number;
  /** Puts every set-aside row back in the outbox; returns how many. */
  releaseSyncQuarantine(): number;
  /**
   * The same for any number of rows, `chunkSize` at a time with a turn of the event loop between
   * chunks, so marking 100,000 rows never holds up the kiosk (one statement for them all took 130 ms).
   * Each chunk is its own transaction: if one fails, the chunks before it stay marked and it throws.
   */
  markExportedInChunks(seqs: readonly number[], at?: Date, chunkSize?: number): Promise<number>;
  /**
   * Deletes feedback created before `cutoff` that was synced, or with `syncedOnly` false also one
   * that was exported; never one that was neither. Which applies is staff/retention.ts's rule.
   */
  deleteExpired(cutoff: Date, options: { syncedOnly: boolean }): number;
  /** The admin dashboard's figures over all stored feedback, with the last `days` local days. */
  dashboard(days?: number): DashboardFigures;
  /** A setting's value (parsed JSON), or undefined when it was never set. */
  getSetting(key: string): unknown;
  /** Saves settings (each value as JSON) in one transaction. */
  putSettings(values: Record<string, unknown>): void;
  deleteSettings(keys: readonly string[]): void;
  /**
   * Changes whenever a setting may have changed: after putSettings here, and after any commit by
   * another connection (SQLite's data_version), e.g. a CLI command. Cheap: callers cache on it.
   */
  settingsVersion(): string;
  recordIncident(incident: { kind: string; message: string; detail?: string | null }): Incident;
  /** Newest first. */
  listIncidents(limit?: number): Incident[];
  close(): void;
}

const silentLogger: StorageLogger = { info() {}, warn() {}, error() {} };
/** Rows per read while streaming: small enough for memory, large enough to be quick. */
const PAGE_SIZE = 500;
/** Rows per CSV page: a few milliseconds of SQLite's time each, so the event loop turns often. */
const CSV_PAGE_ROWS = 2000;
/** Rows scanned per statement when collecting topic ids. */
const TOPIC_SCAN_ROWS = 10_000;
/** Rows marked exported per statement: a few milliseconds each, even on a slow kiosk PC. */
const MARK_CHUNK_ROWS = 2000;

export function openFeedbackStore(options: OpenFeedbackStoreOptions): FeedbackStore {
  const logger = options.logger ?? silentLogger;
  const now = options.now ?? (() => new Date());
  const file = join(options.dataDir, DATABASE_FILE_NAME);
  guardStorage(() => makePrivateDir(options.dataDir));
  const { db, quarantine } = openDatabase(file, {
    busyTimeoutMs: options.busyTimeoutMs ?? 2000,
    logger,
    now,
  });
  const capSize = () => capDatabaseSize(db, { maxBytes: options.maxDatabaseBytes, headroom: options.diskHeadroomBytes, dir: options.dataDir });

  let sql: Statements;
  try {
    guardStorage(() => migrate(db));
    guardStorage(capSize);
    sql = guardStorage(() => prepareStatements(db));
  } catch (error) {
    db.close();
    throw error;
  }

  let settingsWrites = 0;
  const store: FeedbackStore = {
    file,

    submit(submission, submitOptions = {}) {
      const comment = submission.comment === null ? null : scrubComment(submission.comment).trim() || null;
      const createdAt = toStoredTime(submitOptions.now ?? now());
      const params = toInsertParams(submission, comment, submitOptions.kioskId ?? options.kioskId, createdAt);
      try {
        const inserted = guardStorage(() => {
          capSize();
          return sql.insertAll(params, Object.entries(submission.topicHelpful));
        });
        return { stored: true, duplicate: !inserted };
      } catch (error) {
        // The id only: it links to nothing about the patient, and helps match the renderer's report.
        logger.error({ err: error, feedbackId: params.id }, 'could not store feedback; nothing was written');
        throw error;
      }
    },

    getById(id) {
      const row = guardStorage(() => sql.selectById.get(id.toLowerCase()));
      return row && toRecord(row);
    },

    countToday() {
      // "Today" is the clinic's local day; rows are stored in UTC, so convert the day's bounds.
      const start = startOfLocalDay(now());
      return guardStorage(() => sql.countBetween.get(start.toISOString(), startOfLocalDay(start, 1).toISOString())!);
    },

    countTotal: () => guardStorage(() => sql.countAll.get()!),
    countUnsynced: () => guardStorage(() => sql.countNotSynced.get()!),

    *iterateFeedback(query = {}) {
      const { conditions, params } = feedbackFilter(query);
      // Keyset paging on seq: each page starts after the last row seen, so none is read twice.
      const where = ['feedback.seq > ?', ...conditions].join(' AND ');
      const page = guardStorage(() => db.prepare<(string | number)[], FeedbackRow>(`${SELECT_FEEDBACK} WHERE ${where} ORDER BY seq LIMIT ${PAGE_SIZE}`));
      for (let after = 0; ;) {
        const rows = guardStorage(() => page.all(after, ...params));
        for (const row of rows) yield toRecord(row);
        if (rows.length < PAGE_SIZE) return;
        after = rows.at(-1)!.seq;
      }
    },

    csvPages: (query, topicIds, coarsenToHour) => csvPages(db, query, topicIds, coarsenToHour, CSV_PAGE_ROWS),
    csvHeader: (columns) => csvHeader(db, columns),

    async topicIds(query = {}) {
      const { conditions, params } = feedbackFilter(query);
      const where = ['feedback.seq > ?', 'feedback.seq <= ?', ...conditions].join(' AND ');
      const text = `SELECT DISTINCT topic_id FROM feedback_topics JOIN feedback ON feedback.id = feedback_topics.feedback_id WHERE ${where}`;
      const inRange = guardStorage(() => db.prepare<(string | number)[], string>(text).pluck());
      const lastSeq = guardStorage(() => sql.lastSeq.get()) ?? 0;
      const found = new Set<string>();
      // A range of rows at a time, with a turn of the event loop between: one scan of 100,000 rows
      // held the kiosk for 70–160 ms.
      for (let after = 0; after < lastSeq; after += TOPIC_SCAN_ROWS) {
        if (after > 0) await nextTurn();
        for (const id of guardStorage(() => inRange.all(after, after + TOPIC_SCAN_ROWS, ...params))) found.add(id);
      }
      return [...found].sort();
    },

    markExported(seqs, at = now()) {
      return guardStorage(() => sql.markExported.run(at.toISOString(), JSON.stringify(seqs)).changes);
    },

    pendingSync(limit) {
      return guardStorage(() => sql.pendingSync.all(limit)).map(toRecord);
    },

    markSynced(ids, at = now()) {
      return guardStorage(() => sql.markSynced.run(at.toISOString(), JSON.stringify(ids)).changes);
    },

    quarantineSync(ids, reason, at = now()) {
      return guardStorage(() => sql.quarantineSync.run(at.toISOString(), reason, JSON.stringify(ids)).changes);
    },

    countSyncQuarantined: () => guardStorage(() => sql.countSyncQuarantined.get()!),
    releaseSyncQuarantine: () => guardStorage(() => sql.releaseSyncQuarantine.run().changes),

    async markExportedInChunks(seqs, at = now(), chunkSize = MARK_CHUNK_ROWS) {
      let marked = 0;
      for (let start = 0; start < seqs.length; start += chunkSize) {
        if (start > 0) await nextTurn();
        const chunk = seqs.slice(start, start + chunkSize);
        // The log (WAL) is one file written in order, so the last chunk's commit, fsynced as every
        // commit is, makes the chunks before it durable too: they need not each wait for the disk
        // (50 fsyncs took longer than all the marking). Set and reset within this synchronous step,
        // so a patient's submit between chunks still commits with synchronous=FULL.
        if (start + chunkSize >= seqs.length) {
          marked += store.markExported(chunk, at);
          continue;
        }
        guardStorage(() => db.pragma('synchronous = NORMAL'));
        try {
          marked += store.markExported(chunk, at);
        } finally {
          guardStorage(() => db.pragma('synchronous = FULL'));
        }
      }
      return marked;
    },

    deleteExpired(cutoff, { syncedOnly }) {
      // feedback_topics rows go with their feedback (ON DELETE CASCADE).
      return guardStorage(() => sql.deleteExpired.run(cutoff.toISOString(), syncedOnly ? 1 : 0).changes);
    },

    dashboard(days = 30) {
      return guardStorage(() => readDashboardFigures(sql.dashboard, now(), days));
    },

    getSetting(key) {
      const value = guardStorage(() => sql.selectSetting.get(key));
      return value === undefined ? undefined : JSON.parse(value);
    },

    putSettings(values) {
      settingsWrites++;
      guardStorage(() => sql.upsertSettings(Object.entries(values), now().toISOString()));
    },

    deleteSettings(keys) {
      guardStorage(() => sql.deleteSetting.run(JSON.stringify(keys)));
      settingsWrites++;
    },

    settingsVersion() {
      return `${guardStorage(() => sql.dataVersion.get())}:${settingsWrites}`;
    },

    recordIncident({ kind, message, detail = null }) {
      return guardStorage(() => sql.insertIncident.get(now().toISOString(), kind, message, detail)!);
    },

    listIncidents(limit = 50) {
      return guardStorage(() => sql.selectIncidents.all(limit));
    },

    close() {
      if (db.open) db.close();
    },
  };

  if (quarantine) {
    recordQuarantine(store, quarantine);
  }
  return store;
}

function recordQuarantine(store: FeedbackStore, quarantine: { movedTo: string; problem: string }): void {
  try {
    store.recordIncident({
      kind: 'database',
      message: 'The feedback database was damaged. It was set aside and a new one was started; earlier feedback may be recoverable from the old file.',
      detail: JSON.stringify(quarantine),
    });
  } catch (error) {
    store.close();
    throw error;
  }
}

type Statements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: Database.Database) {
  const insertFeedback = db.prepare(INSERT_FEEDBACK);
  const insertTopic = db.prepare(INSERT_TOPIC);
  const upsertSetting = db.prepare<[string, string, string]>(
    'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
  );
  return {
    // IMMEDIATE takes the write lock before the first insert, so a locked database fails cleanly.
    insertAll: db.transaction((params: ReturnType<typeof toInsertParams>, topics: [string, boolean][]): boolean => {
      if (insertFeedback.run(params).changes === 0) return false;
      for (const [topicId, helpful] of topics) insertTopic.run(params.id, topicId, helpful ? 1 : 0);
      return true;
    }).immediate,
    selectById: db.prepare<[string], FeedbackRow>(`${SELECT_FEEDBACK} WHERE id = ?`),
    countBetween: db.prepare<[string, string], number>('SELECT count(*) FROM feedback WHERE created_at >= ? AND created_at < ?').pluck(),
    countAll: db.prepare<[], number>('SELECT count(*) FROM feedback').pluck(),
    lastSeq: db.prepare<[], number | null>('SELECT max(seq) FROM feedback').pluck(),
    countNotSynced: db.prepare<[], number>('SELECT count(*) FROM feedback WHERE synced_at IS NULL').pluck(),
    insertIncident: db.prepare<[string, string, string, string | null], Incident>(
      'INSERT INTO incidents (at, kind, message, detail) VALUES (?, ?, ?, ?) RETURNING id, at, kind, message, detail',
    ),
    selectIncidents: db.prepare<[number], Incident>('SELECT id, at, kind, message, detail FROM incidents ORDER BY id DESC LIMIT ?'),
    // One statement, so the whole list is marked or none of it; json_each takes any number of seqs.
    markExported: db.prepare<[string, string]>('UPDATE feedback SET exported_at = ? WHERE exported_at IS NULL AND seq IN (SELECT value FROM json_each(?))'),
    pendingSync: db.prepare<[number], FeedbackRow>(`${SELECT_FEEDBACK} WHERE synced_at IS NULL AND sync_quarantined_at IS NULL ORDER BY seq LIMIT ?`),
    markSynced: db.prepare<[string, string]>('UPDATE feedback SET synced_at = ? WHERE synced_at IS NULL AND id IN (SELECT value FROM json_each(?))'),
    quarantineSync: db.prepare<[string, string, string]>(
      'UPDATE feedback SET sync_quarantined_at = ?, sync_error = ? WHERE synced_at IS NULL AND id IN (SELECT value FROM json_each(?))',
    ),
    countSyncQuarantined: db.prepare<[], number>('SELECT count(*) FROM feedback WHERE synced_at IS NULL AND sync_quarantined_at IS NOT NULL').pluck(),
    releaseSyncQuarantine: db.prepare<[]>(
      'UPDATE feedback SET sync_quarantined_at = NULL, sync_error = NULL WHERE synced_at IS NULL AND sync_quarantined_at IS NOT NULL',
    ),
    deleteExpired: db.prepare<[string, number]>('DELETE FROM feedback WHERE created_at < ? AND (synced_at IS NOT NULL OR (? = 0 AND exported_at IS NOT NULL))'),
    dashboard: prepareDashboardQueries(db),
    selectSetting: db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck(),
    deleteSetting: db.prepare<[string]>('DELETE FROM settings WHERE key IN (SELECT value FROM json_each(?))'),
    dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
    upsertSettings: db.transaction((entries: [string, unknown][], updatedAt: string) => {
      for (const [key, value] of entries) upsertSetting.run(key, JSON.stringify(value), updatedAt);
    }).immediate,
  };
}
