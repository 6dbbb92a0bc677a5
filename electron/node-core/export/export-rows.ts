/**
 * One export row per feedback, the same flat shape in CSV, JSON and NDJSON, so a clinic can switch
 * formats without remapping anything.
 *
 * Topics get one `topic_<id>` column each (true, false, or empty when not rated) rather than one
 * JSON column: a spreadsheet can then filter and count a topic directly. The columns are the same
 * in every export: one per topic of the content pack, in journey order, answered or not (a clinic
 * appends exports or loads them into one table). A topic only older content had, if any exported
 * row answered it, follows them (the feedback repository finds those with one query before streaming).
 */
import { coarsenToHour } from '../../common/feedback/time-precision.js';
import type { FeedbackRecord } from '../storage/feedback-repository.js';

export type ExportCell = string | number | boolean | null;
export type ExportRow = Record<string, ExportCell>;

export const LEADING_COLUMNS = [
  'id',
  'created_at',
  'kiosk_id',
  'content_version',
  'locale',
  'worry_before',
  'worry_after',
  'overall_helpfulness',
  'answered_questions',
] as const;
export const TRAILING_COLUMNS = ['comment', 'partial'] as const;

export const topicColumn = (topicId: string) => `topic_${topicId}`;

export function exportColumns(topicIds: readonly string[]): string[] {
  return [...LEADING_COLUMNS, ...topicIds.map(topicColumn), ...TRAILING_COLUMNS];
}

export function toExportRow(record: FeedbackRecord, topicIds: readonly string[], coarsen: boolean): ExportRow {
  const row: ExportRow = {
    id: record.id,
    created_at: coarsen ? coarsenToHour(record.createdAt) : record.createdAt,
    kiosk_id: record.kioskId,
    content_version: record.contentVersion,
    locale: record.locale,
    worry_before: record.worryBefore,
    worry_after: record.worryAfter,
    overall_helpfulness: record.overallHelpfulness,
    answered_questions: record.answeredQuestions,
  };
  for (const topicId of topicIds) row[topicColumn(topicId)] = record.topicHelpful[topicId] ?? null;
  row.comment = record.comment;
  row.partial = record.partial;
  return row;
}
