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
  /** Count of answers 1–5 (index 0 is 1). */
  helpfulnessCounts: number[];
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
      const { rows } = await pool.query<ReportWeek>(`
        WITH weekly AS (
          SELECT kiosk_id, to_char(date_trunc('week', created_at AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS week, *
          FROM feedback
        ), topics AS (
          SELECT w.kiosk_id, w.week,
                 jsonb_object_agg(t.topic_id, jsonb_build_object('yes', t.yes, 'no', t.no)) AS topics
          FROM (SELECT weekly.kiosk_id, weekly.week, ft.topic_id,
                       count(*) FILTER (WHERE ft.helpful)::int AS yes, count(*) FILTER (WHERE NOT ft.helpful)::int AS no
                FROM weekly JOIN feedback_topics ft ON ft.feedback_id = weekly.id
                GROUP BY 1, 2, 3) t
          JOIN (SELECT DISTINCT kiosk_id, week FROM weekly) w USING (kiosk_id, week)
          GROUP BY 1, 2
        )
        SELECT weekly.kiosk_id AS "kioskId", weekly.week,
               count(*)::int AS feedback,
               avg(worry_before)::float8 AS "worryBeforeMean",
               avg(worry_after)::float8 AS "worryAfterMean",
               count(*) FILTER (WHERE worry_before IS NOT NULL AND worry_after IS NOT NULL)::int AS "pairedN",
               avg(worry_after - worry_before)::float8 AS "pairedMeanChange",
               avg(overall_helpfulness)::float8 AS "helpfulnessMean",
               ARRAY[1, 2, 3, 4, 5]::int[] AS scale,
               array_agg(overall_helpfulness) FILTER (WHERE overall_helpfulness IS NOT NULL) AS answers,
               coalesce(topics.topics, '{}'::jsonb) AS topics
        FROM weekly LEFT JOIN topics USING (kiosk_id, week)
        GROUP BY weekly.kiosk_id, weekly.week, topics.topics
        ORDER BY weekly.week DESC, weekly.kiosk_id`);
      return rows.map((row) => {
        const { scale, answers, ...week } = row as ReportWeek & { scale: number[]; answers: number[] | null };
        return { ...week, helpfulnessCounts: scale.map((value) => (answers ?? []).filter((a) => a === value).length) };
      });
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
