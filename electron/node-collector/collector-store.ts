/**
 * All of the collector's SQL: storing batches and reading the managers' report. PostgreSQL through
 * node-postgres's pool; every statement is parameterised.
 */
import pg from 'pg';
import type { SyncRow } from '../common/sync/protocol.js';
import { migrateCollector } from './migrations.js';

export class IdempotencyConflict extends Error {}

export interface ReportWeek {
  kioskId: string;
  /** Monday of the week (UTC), YYYY-MM-DD. */
  week: string;
  feedback: number;
  worryBeforeMean: number | null;
  worryAfterMean: number | null;
  /** Only feedback with both worry answers: the clinic's main outcome figure. */
  pairedN: number;
  pairedMeanChange: number | null;
  helpfulnessMean: number | null;
  /** Count of answers 1–5 (index 0 is 1), as are the worry counts. */
  helpfulnessCounts: number[];
  worryBeforeCounts: number[];
  worryAfterCounts: number[];
  /** Feedback without that answer (skipped, or partial feedback that stopped before it). */
  skipped: { worryBefore: number; worryAfter: number; helpfulness: number };
  /** "Did this answer your questions?", like the kiosk dashboard. */
  answeredQuestions: { yes: number; partly: number; no: number; skipped: number };
  /** Per topic id: yes and no votes. */
  topics: Record<string, { yes: number; no: number }>;
}

export interface ReportComment {
  kioskId: string;
  createdAt: string;
  comment: string;
}

export interface CollectorStore {
  /**
   * Stores the rows (ON CONFLICT DO NOTHING) in one transaction and returns the ids of this batch
   * the database now holds for this kiosk, those it had already included.
   */
  storeBatch(kioskId: string, idempotencyKey: string, bodySha256: string, rows: readonly SyncRow[]): Promise<string[]>;
  report(): Promise<ReportWeek[]>;
  latestComments(limit?: number): Promise<ReportComment[]>;
  /** True when the database answers. */
  healthy(): Promise<boolean>;
  close(): Promise<void>;
}

// Column lists for jsonb_to_recordset: one place for the shape of a row on its way in.
const ROW_COLUMNS = `id uuid, "kioskId" text, "createdAt" timestamptz, "contentVersion" text, locale text,
  "worryBefore" smallint, "worryAfter" smallint, "overallHelpfulness" smallint, "answeredQuestions" text,
  comment text, partial boolean`;

export async function openCollectorStore(databaseUrl: string, poolSize = 10): Promise<CollectorStore> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize, connectionTimeoutMillis: 5000 });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  try {
    await migrateCollector(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }

  return {
    async storeBatch(kioskId, idempotencyKey, bodySha256, rows) {
      const ids = rows.map((row) => row.id);
      const topics = rows.flatMap((row) => Object.entries(row.topicHelpful).map(([topic, helpful]) => ({ id: row.id, topic, helpful })));
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const seen = await client.query<{ body_sha256: string }>(
          `INSERT INTO sync_batches (idempotency_key, kiosk_id, body_sha256, rows) VALUES ($1, $2, $3, $4)
           ON CONFLICT (idempotency_key) DO UPDATE SET last_seen_at = now(), times_seen = sync_batches.times_seen + 1
           RETURNING body_sha256`,
          [idempotencyKey, kioskId, bodySha256, rows.length],
        );
        if (seen.rows[0]!.body_sha256 !== bodySha256) throw new IdempotencyConflict('this Idempotency-Key was used for a different batch');
        const inserted = await client.query<{ id: string }>(
          `INSERT INTO feedback (id, kiosk_id, created_at, content_version, locale, worry_before, worry_after,
                                 overall_helpfulness, answered_questions, comment, partial)
           SELECT id, "kioskId", "createdAt", "contentVersion", locale, "worryBefore", "worryAfter",
                  "overallHelpfulness", "answeredQuestions", comment, partial
           FROM jsonb_to_recordset($1::jsonb) AS r(${ROW_COLUMNS})
           ON CONFLICT (id) DO NOTHING
           RETURNING id`,
          [JSON.stringify(rows)],
        );
        // Topics only for rows new in this batch: a re-sent row's topics are already there.
        await client.query(
          `INSERT INTO feedback_topics (feedback_id, topic_id, helpful)
           SELECT id, topic, helpful FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, topic text, helpful boolean)
           WHERE id = ANY($2::uuid[])
           ON CONFLICT DO NOTHING`,
          [JSON.stringify(topics), inserted.rows.map((row) => row.id)],
        );
        // Held for this kiosk: a row id another kiosk sent is not acknowledged to this one.
        const held = await client.query<{ id: string }>('SELECT id FROM feedback WHERE id = ANY($1::uuid[]) AND kiosk_id = $2', [ids, kioskId]);
        await client.query('COMMIT');
        return held.rows.map((row) => row.id);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },

    async report() {
      // Weeks start on Monday, in UTC, so every kiosk's weeks line up.
      const week = `to_char(date_trunc('week', f.created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD')`;
      // The kiosk dashboard's distributions (storage/dashboard.ts): counts of 1–5 and the skipped.
      const counts = (column: string) => `array[${[1, 2, 3, 4, 5].map((n) => `count(*) FILTER (WHERE f.${column} = ${n})::int`).join(', ')}]`;
      const skipped = (column: string) => `count(*) FILTER (WHERE f.${column} IS NULL)::int`;
      const answered = (answer: string) => `count(*) FILTER (WHERE f.answered_questions = '${answer}')::int`;
      const figures = await pool.query<Omit<ReportWeek, 'topics'>>(`
        SELECT f.kiosk_id AS "kioskId", ${week} AS week, count(*)::int AS feedback,
               avg(f.worry_before)::float8 AS "worryBeforeMean",
               avg(f.worry_after)::float8 AS "worryAfterMean",
               count(f.worry_after - f.worry_before)::int AS "pairedN",
               avg(f.worry_after - f.worry_before)::float8 AS "pairedMeanChange",
               avg(f.overall_helpfulness)::float8 AS "helpfulnessMean",
               ${counts('overall_helpfulness')} AS "helpfulnessCounts",
               ${counts('worry_before')} AS "worryBeforeCounts",
               ${counts('worry_after')} AS "worryAfterCounts",
               json_build_object('worryBefore', ${skipped('worry_before')}, 'worryAfter', ${skipped('worry_after')},
                                 'helpfulness', ${skipped('overall_helpfulness')}) AS skipped,
               json_build_object('yes', ${answered('yes')}, 'partly', ${answered('partly')}, 'no', ${answered('no')},
                                 'skipped', ${skipped('answered_questions')}) AS "answeredQuestions"
        FROM feedback f GROUP BY 1, 2 ORDER BY 2 DESC, 1`);
      const votes = await pool.query<{ kioskId: string; week: string; topic: string; yes: number; no: number }>(`
        SELECT f.kiosk_id AS "kioskId", ${week} AS week, t.topic_id AS topic,
               count(*) FILTER (WHERE t.helpful)::int AS yes, count(*) FILTER (WHERE NOT t.helpful)::int AS no
        FROM feedback f JOIN feedback_topics t ON t.feedback_id = f.id GROUP BY 1, 2, 3`);
      // One pass groups the votes by kiosk and week (in the rows' order), so each week finds its own.
      const votesOf = new Map<string, ReportWeek['topics']>();
      for (const v of votes.rows) {
        const key = JSON.stringify([v.kioskId, v.week]);
        const topics = votesOf.get(key) ?? {};
        topics[v.topic] = { yes: v.yes, no: v.no };
        votesOf.set(key, topics);
      }
      return figures.rows.map((row) => ({ ...row, topics: votesOf.get(JSON.stringify([row.kioskId, row.week])) ?? {} }));
    },

    async latestComments(limit = 50) {
      const { rows } = await pool.query<ReportComment>(
        `SELECT kiosk_id AS "kioskId", to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt", comment
         FROM feedback WHERE comment IS NOT NULL ORDER BY created_at DESC LIMIT $1`,
        [limit],
      );
      return rows;
    },

    async healthy() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },

    close: () => pool.end(),
  };
}
