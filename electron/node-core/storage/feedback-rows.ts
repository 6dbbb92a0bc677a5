/** The SQL behind the feedback repository and the mapping between rows and records. */
import type Database from 'better-sqlite3';
import type { FeedbackSubmission, AnsweredQuestions } from '../../common/feedback/schema.js';

/** Which feedback a read selects: export and the stream use one filter, so they agree on rows. */
export interface FeedbackQuery {
  /** Inclusive. */
  since?: Date;
  /** Exclusive. */
  until?: Date;
  onlyUnexported?: boolean;
}

/** One stored feedback, as export, sync and tests read it back. */
export interface FeedbackRecord {
  /** The sync cursor: increases with every insert and is never reused. */
  seq: number;
  id: string;
  /** UTC, ISO 8601, to the minute (see toStoredTime). */
  createdAt: string;
  kioskId: string;
  contentVersion: string;
  locale: string;
  worryBefore: number | null;
  worryAfter: number | null;
  topicHelpful: Record<string, boolean>;
  overallHelpfulness: number | null;
  answeredQuestions: AnsweredQuestions | null;
  /** Already scrubbed. */
  comment: string | null;
  partial: boolean;
  exportedAt: string | null;
  syncedAt: string | null;
}

export const INSERT_FEEDBACK = `
  INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, worry_before, worry_after,
                        overall_helpfulness, answered_questions, comment, partial)
  VALUES (@id, @createdAt, @kioskId, @contentVersion, @locale, @worryBefore, @worryAfter,
          @overallHelpfulness, @answeredQuestions, @comment, @partial)
  ON CONFLICT (id) DO NOTHING`;

export const INSERT_TOPIC = `INSERT INTO feedback_topics (feedback_id, topic_id, helpful) VALUES (?, ?, ?)`;

/** One statement per record, topics folded in as JSON, so streaming needs no second query. */
export const SELECT_FEEDBACK = `
  SELECT seq, id, created_at, kiosk_id, content_version, locale, worry_before, worry_after,
         overall_helpfulness, answered_questions, comment, partial, exported_at, synced_at,
         (SELECT json_group_object(topic_id, json(iif(helpful, 'true', 'false')))
            FROM feedback_topics WHERE feedback_id = feedback.id) AS topics
  FROM feedback`;

/** The query as SQL conditions on `feedback` (joined with AND) and their parameters, in order. */
export function feedbackFilter(query: FeedbackQuery): { conditions: string[]; params: string[] } {
  const conditions: string[] = [];
  const params: string[] = [];
  if (query.since) {
    conditions.push('feedback.created_at >= ?');
    params.push(query.since.toISOString());
  }
  if (query.until) {
    conditions.push('feedback.created_at < ?');
    params.push(query.until.toISOString());
  }
  if (query.onlyUnexported) conditions.push('feedback.exported_at IS NULL');
  return { conditions, params };
}

/**
 * Keyset paging on `seq`, the one loop behind every streamed read of feedback: `readPage(after)`
 * reads the page of rows after `seq` `after` (see keysetWhere), up to `pageRows` of them; each page
 * starts after the last row seen, so none is read twice, and each is read whole, so the connection
 * is free between pages (a consumer may await, or write, between them).
 */
export function* keysetPages<R>(readPage: (after: number) => R[], pageRows: number, seqOf: (row: R) => number): Generator<R[]> {
  for (let after = 0; ;) {
    const rows = readPage(after);
    if (rows.length > 0) yield rows;
    if (rows.length < pageRows) return;
    after = seqOf(rows.at(-1)!);
  }
}

/** The WHERE of a keyset page: `seq` after the first parameter (the last seq seen), and `query`'s filter. */
export function keysetWhere(query: FeedbackQuery): { where: string; params: string[] } {
  const { conditions, params } = feedbackFilter(query);
  return { where: ['feedback.seq > ?', ...conditions].join(' AND '), params };
}

export interface FeedbackRow {
  seq: number;
  id: string;
  created_at: string;
  kiosk_id: string;
  content_version: string;
  locale: string;
  worry_before: number | null;
  worry_after: number | null;
  overall_helpfulness: number | null;
  answered_questions: AnsweredQuestions | null;
  comment: string | null;
  partial: 0 | 1;
  exported_at: string | null;
  synced_at: string | null;
  topics: string;
}

export function toInsertParams(submission: FeedbackSubmission, comment: string | null, kioskId: string, createdAt: string) {
  return {
    id: submission.id,
    createdAt,
    kioskId,
    contentVersion: submission.contentVersion,
    locale: submission.locale,
    worryBefore: submission.worryBefore,
    worryAfter: submission.worryAfter,
    overallHelpfulness: submission.overallHelpfulness,
    answeredQuestions: submission.answeredQuestions,
    comment,
    partial: submission.partial ? 1 : 0,
  };
}

export function toRecord(row: FeedbackRow): FeedbackRecord {
  return {
    seq: row.seq,
    id: row.id,
    createdAt: row.created_at,
    kioskId: row.kiosk_id,
    contentVersion: row.content_version,
    locale: row.locale,
    worryBefore: row.worry_before,
    worryAfter: row.worry_after,
    topicHelpful: JSON.parse(row.topics) as Record<string, boolean>,
    overallHelpfulness: row.overall_helpfulness,
    answeredQuestions: row.answered_questions,
    comment: row.comment,
    partial: row.partial === 1,
    exportedAt: row.exported_at,
    syncedAt: row.synced_at,
  };
}

export type FeedbackStatements = ReturnType<typeof prepareFeedbackStatements>;

export function prepareFeedbackStatements(db: Database.Database) {
  const insertFeedback = db.prepare(INSERT_FEEDBACK);
  const insertTopic = db.prepare(INSERT_TOPIC);
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
  };
}
