/**
 * The collector's PostgreSQL schema, in numbered steps. Append only: a shipped step never changes.
 * Each runs in its own transaction with its row in `schema_migrations`, under an advisory lock so
 * two collectors starting at once do not race.
 */
import type { Pool } from 'pg';

const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'feedback',
    sql: `
      -- One row per patient feedback, keyed by the kiosk's UUID: re-sent rows are ignored.
      CREATE TABLE feedback (
        id uuid PRIMARY KEY,
        kiosk_id text NOT NULL CHECK (length(kiosk_id) BETWEEN 1 AND 64),
        created_at timestamptz NOT NULL,
        content_version text NOT NULL,
        locale text NOT NULL,
        worry_before smallint CHECK (worry_before BETWEEN 1 AND 5),
        worry_after smallint CHECK (worry_after BETWEEN 1 AND 5),
        overall_helpfulness smallint CHECK (overall_helpfulness BETWEEN 1 AND 5),
        answered_questions text CHECK (answered_questions IN ('yes', 'partly', 'no')),
        comment text CHECK (length(comment) <= 1000),
        partial boolean NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX feedback_kiosk_created ON feedback (kiosk_id, created_at);

      CREATE TABLE feedback_topics (
        feedback_id uuid NOT NULL REFERENCES feedback (id) ON DELETE CASCADE,
        topic_id text NOT NULL,
        helpful boolean NOT NULL,
        PRIMARY KEY (feedback_id, topic_id)
      );

      -- Each Idempotency-Key seen, with a hash of its body: a key reused for other rows is refused.
      CREATE TABLE sync_batches (
        idempotency_key text PRIMARY KEY,
        kiosk_id text NOT NULL,
        body_sha256 text NOT NULL,
        rows integer NOT NULL,
        first_seen_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        times_seen integer NOT NULL DEFAULT 1
      );
    `,
  },
];

/** Any constant; it names this lock among the database's advisory locks. */
const MIGRATION_LOCK = 2026_11_29;

export async function migrateCollector(pool: Pool): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM schema_migrations');
    const current = rows[0]!.version;
    const latest = MIGRATIONS.length;
    if (current > latest) throw new Error(`the database has schema version ${current}, newer than this collector's ${latest}; upgrade the collector`);
    for (const migration of MIGRATIONS.slice(current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    return latest;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }
}
