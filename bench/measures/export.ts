/**
 * Issue 12, measure 7: 100,000 rows to CSV, in rows per second, against Debian's `sqlite3 -csv` on
 * the same database with the same columns, and the longest event-loop stall during our export. Our
 * time includes everything the admin waits for: the file flushed to disk, the manifest, the marking.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { exportFeedback } from '../../electron/node/export/write-export.js';
import { openFeedbackStore } from '../../electron/node/storage/feedback-store.js';
import { seedFeedback } from '../../tests/support/seed-feedback.js';
import { BUDGETS } from '../budgets.js';
import { round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';
import { withStallMeter } from '../../tests/support/stall-meter.js';

const SQLITE3 = '/usr/bin/sqlite3';

/** The export's CSV columns in SQL, so the CLI does the same work (coarse hours, one column a topic). */
function cliQuery(topicIds: readonly string[]): string {
  const bool = (expr: string) => `CASE ${expr} WHEN 1 THEN 'true' WHEN 0 THEN 'false' END`;
  const topics = topicIds.map(
    (id) => `(SELECT ${bool('helpful')} FROM feedback_topics t WHERE t.feedback_id = f.id AND t.topic_id = '${id.replaceAll("'", "''")}') AS "topic_${id}"`,
  );
  return `SELECT f.id, substr(f.created_at, 1, 13) || ':00:00.000Z' AS created_at, f.kiosk_id, f.content_version, f.locale,
    f.worry_before, f.worry_after, f.overall_helpfulness, f.answered_questions, ${topics.join(', ')},
    f.comment, ${bool('f.partial')} AS partial FROM feedback f WHERE f.exported_at IS NULL ORDER BY f.seq`;
}

export async function measureExport({ quick, tmpDir }: BenchContext): Promise<Figure[]> {
  const rows = quick ? 10_000 : 100_000;
  const dir = join(tmpDir, 'export');
  mkdirSync(dir, { recursive: true });
  const store = openFeedbackStore({ dataDir: dir, kioskId: 'kiosk-1' });
  const measure = 'Export';
  try {
    seedFeedback(store.file, rows);

    const cliFile = join(dir, 'cli.csv');
    const out = openSync(cliFile, 'w');
    const query = cliQuery(await store.topicIds({ onlyUnexported: true }));
    const cliStarted = performance.now();
    const cli = spawnSync(SQLITE3, ['-csv', '-header', '-readonly', store.file, query], { stdio: ['ignore', out, 'pipe'] });
    const cliMs = performance.now() - cliStarted;
    closeSync(out);
    if (cli.error || cli.status !== 0)
      throw new Error(`sqlite3 failed (${cli.error?.message ?? cli.stderr.toString()}); install it: apt-get install -y sqlite3`);
    const cliRows = readFileSync(cliFile, 'utf8').split('\n').filter(Boolean).length - 1;
    if (cliRows !== rows) throw new Error(`sqlite3 wrote ${cliRows} rows, expected ${rows}`);

    const {
      result: written,
      longestStallMs,
      elapsedMs,
    } = await withStallMeter(() =>
      exportFeedback(store, { format: 'csv', coarsenToHour: true, onlyUnexported: true }, join(dir, 'ours.csv'), {
        kioskId: 'kiosk-1',
        now: () => new Date(),
        topics: [],
      }),
    );
    if (written.rows !== rows) throw new Error(`the export wrote ${written.rows} rows, expected ${rows}`);

    const ours = rows / (elapsedMs / 1000);
    const theirs = rows / (cliMs / 1000);
    return [
      {
        key: 'export.rateRatio',
        measure,
        label: `export rate vs sqlite3 -csv (${rows} rows)`,
        value: round(ours / theirs),
        unit: '×',
        budget: BUDGETS.exportRateRatio,
      },
      {
        key: 'export.longestStallMs',
        measure,
        label: 'longest event-loop stall during the export',
        value: round(longestStallMs, 1),
        unit: 'ms',
        budget: BUDGETS.exportStallMs,
      },
      { key: 'export.rowsPerSecond', measure, label: 'export rate (ours)', value: Math.round(ours), unit: 'rows/s' },
      { key: 'export.cliRowsPerSecond', measure, label: 'sqlite3 -csv rate', value: Math.round(theirs), unit: 'rows/s' },
    ];
  } finally {
    store.close();
  }
}
