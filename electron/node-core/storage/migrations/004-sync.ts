/**
 * Sync's outbox state. A batch the collector refused for good (a 4xx other than 408/429) is set
 * aside here with the reason, so it is not retried forever and staff can see it; the rest of the
 * outbox is `synced_at IS NULL` (migration 001).
 */
import type { Migration } from './migration.js';

export const migration004: Migration = {
  version: 4,
  name: 'sync',
  sql: `
    ALTER TABLE feedback ADD COLUMN sync_quarantined_at TEXT;
    ALTER TABLE feedback ADD COLUMN sync_error TEXT;
    CREATE INDEX feedback_sync_pending ON feedback (seq) WHERE synced_at IS NULL AND sync_quarantined_at IS NULL;
  `,
};
