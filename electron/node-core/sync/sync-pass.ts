/**
 * One sync pass: send the outbox oldest first, a batch of at most 500 rows at a time, until it is
 * empty or the collector cannot take more now. A row is marked synced only when an answer lists
 * its id; a batch refused for good, and any row a 200 answer leaves out, is set aside (staff are
 * told); anything else stops the pass and is retried later, with the same Idempotency-Key for the
 * same rows.
 */
import { createHash } from 'node:crypto';
import { MAX_BATCH_ROWS, type SyncRow } from '../../common/sync/protocol.js';
import type { FeedbackRecord, FeedbackRepository } from '../storage/feedback-repository.js';
import { postBatch } from './post-batch.js';

export interface SyncPassOptions {
  endpoint: string | null;
  token: string | null;
  timeoutMs: number;
  batchRows?: number;
  now: () => Date;
  /** Called when rows are set aside (a refused batch, or rows an answer left out), so staff see an incident. */
  onRefused: (message: string, rows: number) => void;
}

export type SyncPassResult = {
  sent: number;
  acknowledged: number;
  quarantined: number;
} & ({ outcome: 'done' } | { outcome: 'not-configured'; message: string } | { outcome: 'retry'; message: string; retryAfterMs: number | null });

export async function syncPass(feedback: FeedbackRepository, options: SyncPassOptions): Promise<SyncPassResult> {
  const counts = { sent: 0, acknowledged: 0, quarantined: 0 };
  if (!options.endpoint) return { ...counts, outcome: 'not-configured', message: 'no sync address is set' };
  if (!options.token) return { ...counts, outcome: 'not-configured', message: 'no sync token is set' };
  for (;;) {
    const records = feedback.pendingSync(options.batchRows ?? MAX_BATCH_ROWS);
    if (records.length === 0) return { ...counts, outcome: 'done' };
    const rows = records.map(toSyncRow);
    counts.sent += rows.length;
    const outcome = await postBatch(rows, {
      endpoint: options.endpoint,
      token: options.token,
      idempotencyKey: idempotencyKey(rows),
      timeoutMs: options.timeoutMs,
      now: options.now,
    });
    if (outcome.kind === 'retry') return { ...counts, outcome: 'retry', message: outcome.message, retryAfterMs: outcome.retryAfterMs };
    if (outcome.kind === 'refused') {
      counts.quarantined += feedback.quarantineSync(
        rows.map((row) => row.id),
        outcome.message,
        options.now(),
      );
      options.onRefused(outcome.message, rows.length);
      continue;
    }
    counts.acknowledged += feedback.markSynced(outcome.ids, options.now());
    // A 200 that leaves rows out (an id the collector holds for another kiosk, say) would leave
    // them first in the outbox for ever, blocking every later row: set them aside instead.
    const listed = new Set(outcome.ids);
    const left = rows.filter((row) => !listed.has(row.id)).map((row) => row.id);
    if (left.length > 0) {
      const message = `the collector did not take these rows (its answer listed ${rows.length - left.length} of ${rows.length})`;
      counts.quarantined += feedback.quarantineSync(left, message, options.now());
      options.onRefused(message, left.length);
    }
  }
}

/** The same rows give the same key, so a retried batch is recognisably the same request. */
function idempotencyKey(rows: readonly SyncRow[]): string {
  return createHash('sha256')
    .update(rows.map((row) => row.id).join(','))
    .digest('base64url');
}

export function toSyncRow(record: FeedbackRecord): SyncRow {
  return {
    id: record.id,
    kioskId: record.kioskId,
    createdAt: record.createdAt,
    contentVersion: record.contentVersion,
    locale: record.locale,
    worryBefore: record.worryBefore,
    worryAfter: record.worryAfter,
    topicHelpful: record.topicHelpful,
    overallHelpfulness: record.overallHelpfulness,
    answeredQuestions: record.answeredQuestions,
    comment: record.comment,
    partial: record.partial,
  };
}
