/**
 * The admin dashboard's figures, each computed by SQLite over the whole feedback table, so the
 * kiosk never loads every row into memory to count it.
 *
 * Partial feedback (kept when a patient left early) counts like any other: each answer it holds
 * is a real answer, and what it lacks counts as skipped, exactly as a skipped question would.
 * Leaving it out would hide the views of those who stopped, often the least satisfied.
 */
import type Database from 'better-sqlite3';
import type { Dashboard } from '../../common/api/staff.js';
import { formatLocalDate, startOfLocalDay } from '../../common/dates.js';

/** The dashboard less what the content pack adds (topic titles). */
export type DashboardFigures = Omit<Dashboard, 'topics'> & { topics: Omit<Dashboard['topics'][number], 'title'>[] };

const SCALE_COLUMNS = ['overall_helpfulness', 'worry_before', 'worry_after'] as const;
type ScaleColumn = (typeof SCALE_COLUMNS)[number];
const LATEST_COMMENTS = 20;

export function prepareDashboardQueries(db: Database.Database) {
  const scale = Object.fromEntries(
    SCALE_COLUMNS.map((column) => [
      column,
      db.prepare<[], { answer: number | null; n: number }>(`SELECT ${column} AS answer, count(*) AS n FROM feedback GROUP BY ${column}`),
    ]),
  ) as Record<ScaleColumn, Database.Statement<[], { answer: number | null; n: number }>>;
  return {
    scale,
    // Days are local; their UTC bounds come in as JSON [[date, start, end], …] so SQL need not know the zone.
    perDay: db.prepare<[string], { date: string; count: number }>(`
      SELECT day.value ->> 0 AS date,
             (SELECT count(*) FROM feedback WHERE created_at >= day.value ->> 1 AND created_at < day.value ->> 2) AS count
      FROM json_each(?) AS day ORDER BY day.key`),
    topics: db.prepare<[], { topicId: string; yes: number; no: number }>(
      'SELECT topic_id AS topicId, sum(helpful) AS yes, sum(1 - helpful) AS no FROM feedback_topics GROUP BY topic_id ORDER BY topic_id',
    ),
    means: db.prepare<[], { before: number | null; after: number | null }>('SELECT avg(worry_before) AS before, avg(worry_after) AS after FROM feedback'),
    // After minus before: a negative change means patients left less worried than they came.
    paired: db.prepare<[], { n: number; meanChange: number | null }>(
      'SELECT count(*) AS n, avg(worry_after - worry_before) AS meanChange FROM feedback WHERE worry_before IS NOT NULL AND worry_after IS NOT NULL',
    ),
    answered: db.prepare<[], { answer: string | null; n: number }>(
      'SELECT answered_questions AS answer, count(*) AS n FROM feedback GROUP BY answered_questions',
    ),
    comments: db.prepare<[number], { createdAt: string; comment: string }>(
      'SELECT created_at AS createdAt, comment FROM feedback WHERE comment IS NOT NULL ORDER BY created_at DESC, seq DESC LIMIT ?',
    ),
  };
}

type DashboardQueries = ReturnType<typeof prepareDashboardQueries>;

/** Reads every figure; `now` fixes "today", the last of the `days` days counted. */
export function readDashboardFigures(sql: DashboardQueries, now: Date, days: number): DashboardFigures {
  const bounds = Array.from({ length: days }, (_, i) => {
    const start = startOfLocalDay(now, i - days + 1);
    return [formatLocalDate(start), start.toISOString(), startOfLocalDay(start, 1).toISOString()];
  });
  const means = sql.means.get()!;
  const answered = Object.fromEntries(sql.answered.all().map((row) => [row.answer ?? 'skipped', row.n]));
  return {
    perDay: sql.perDay.all(JSON.stringify(bounds)),
    helpfulness: distribution(sql.scale.overall_helpfulness.all()),
    topics: sql.topics.all(),
    worry: {
      before: { counts: distribution(sql.scale.worry_before.all()).counts, mean: means.before },
      after: { counts: distribution(sql.scale.worry_after.all()).counts, mean: means.after },
      paired: sql.paired.get()!,
    },
    answeredQuestions: { yes: answered.yes ?? 0, partly: answered.partly ?? 0, no: answered.no ?? 0, skipped: answered.skipped ?? 0 },
    latestComments: sql.comments.all(LATEST_COMMENTS),
  };
}

/** Counts of the answers 1–5 (index 0 holds 1) and of the skipped (NULL) ones. */
function distribution(rows: { answer: number | null; n: number }[]): { counts: number[]; skipped: number } {
  const counts = [0, 0, 0, 0, 0];
  let skipped = 0;
  for (const { answer, n } of rows) {
    if (answer === null) skipped += n;
    else counts[answer - 1] = n;
  }
  return { counts, skipped };
}
