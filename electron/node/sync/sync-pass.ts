/**
 * One sync pass: send the outbox oldest first, a batch of at most 500 rows at a time, until it is
 * empty or the collector cannot take more now. A row is marked synced only when an answer lists
 * its id; a batch refused for good is set aside (staff are told); anything else stops the pass and
 * is retried later, with the same Idempotency-Key for the same rows.
 */
import { createHash } from 'node:crypto';
import { MAX_BATCH_ROWS, type SyncRow } from '../../common/sync/protocol.js';
import type { FeedbackRecord, FeedbackStore } from '../storage/feedback-store.js';
import { postBatch } from './post-batch.js';

export interface SyncPassOptions {
  endpoint: string | null;
  token: string | null;
  timeoutMs: number;
  batchRows?: number;
  now: () => Date;
  /** Called when a batch is set aside, so staff see an incident. */
  onRefused: (message: string, rows: number) => void;
}

export type SyncPassResult = {
  sent: number;
  acknowledged: number;
  quarantined: number;
} & (
  | { outcome: 'done' }
  | { outcome: 'not-configured'; message: string }
  | { outcome: 'retry'; message: string; retryAfterMs: number | null }
);

export async function syncPass(store: FeedbackStore, options: SyncPassOptions): Promise<SyncPassResult> {
  const counts = { sent: 0, acknowledged: 0, quarantined: 0 };
  if (!options.endpoint) return { ...counts, outcome: 'not-configured', message: 'no sync address is set' };
  if (!options.token) return { ...counts, outcome: 'not-configured', message: 'no sync token is set' };
  for (;;) {
    const records = store.pendingSync(options.batchRows ?? MAX_BATCH_ROWS);
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
      counts.quarantined += store.quarantineSync(rows.map((row) => row.id), outcome.message, options.now());
      options.onRefused(outcome.message, rows.length);
      continue;
    }
    counts.acknowledged += store.markSynced(outcome.ids, options.now());
    // An answer that leaves rows out would send them again at once, forever: wait instead.
    if (outcome.ids.length < rows.length) {
      return { ...counts, outcome: 'retry', message: `the collector acknowledged ${outcome.ids.length} of ${rows.length} rows`, retryAfterMs: null };
    }
  }
}

/** The same rows give the same key, so a retried batch is recognisably the same request. */
function idempotencyKey(rows: readonly SyncRow[]): string {
  return createHash('sha256').update(rows.map((row) => row.id).join(',')).digest('base64url');
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
