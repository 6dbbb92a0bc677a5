/**
 * Feedback rows and their per-topic answers.
 *
 * `seq` is the rowid alias and the sync cursor: AUTOINCREMENT never reuses a value, even after
 * the newest rows are purged, and SQLite has one writer at a time, so rows commit in `seq` order
 * and "everything after seq N" never skips a row. `id` is the renderer's UUID: the dedup key here
 * and in the central collector, which upserts on it, so a re-sent batch stores nothing twice.
 *
 * CHECK constraints repeat the submission schema's ranges: a bug elsewhere cannot store nonsense.
 */
import type { Migration } from './migration.js';

export const migration001: Migration = {
  version: 1,
  name: 'feedback',
  sql: `
    CREATE TABLE feedback (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      id TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
      created_at TEXT NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z'),
      kiosk_id TEXT NOT NULL CHECK (length(kiosk_id) BETWEEN 1 AND 64),
      content_version TEXT NOT NULL CHECK (length(content_version) BETWEEN 5 AND 32),
      locale TEXT NOT NULL CHECK (length(locale) BETWEEN 2 AND 5),
      worry_before INTEGER CHECK (worry_before BETWEEN 1 AND 5),
      worry_after INTEGER CHECK (worry_after BETWEEN 1 AND 5),
      overall_helpfulness INTEGER CHECK (overall_helpfulness BETWEEN 1 AND 5),
      answered_questions TEXT CHECK (answered_questions IN ('yes', 'partly', 'no')),
      -- Scrubbed before it is stored; never the patient's raw text.
      -- Twice the schema's 500: "[removed]" (9 characters) can stand in for as few as 6.
      comment TEXT CHECK (length(comment) <= 1000),
      partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1)),
      exported_at TEXT,
      synced_at TEXT
    ) STRICT;

    CREATE INDEX feedback_created_at ON feedback (created_at);
    CREATE INDEX feedback_unsynced ON feedback (seq) WHERE synced_at IS NULL;
    CREATE INDEX feedback_unexported ON feedback (seq) WHERE exported_at IS NULL;

    -- One row per topic the patient rated; at most 32 per feedback, bounded by the schema.
    CREATE TABLE feedback_topics (
      feedback_id TEXT NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
      topic_id TEXT NOT NULL CHECK (length(topic_id) BETWEEN 1 AND 64),
      helpful INTEGER NOT NULL CHECK (helpful IN (0, 1)),
      PRIMARY KEY (feedback_id, topic_id)
    ) STRICT, WITHOUT ROWID;
  `,
};
