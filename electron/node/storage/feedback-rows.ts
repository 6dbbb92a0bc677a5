/** The SQL behind the feedback store and the mapping between rows and records. */
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
