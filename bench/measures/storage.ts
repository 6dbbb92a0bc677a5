/**
 * Issue 12, measure 6: a submit from the API call to the committed row (`synchronous=FULL`), through
 * the browser shell's HTTP API, against a bare better-sqlite3 insert of the same rows into a file
 * with the same schema and pragmas. Both run in blocks, taking turns, so machine noise hits both.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { INSERT_FEEDBACK, INSERT_TOPIC, toInsertParams } from '../../electron/node/storage/feedback-rows.js';
import { migrate } from '../../electron/node/storage/migrate.js';
import type { FeedbackSubmission } from '../../electron/common/feedback/schema.js';
import { validSubmission } from '../../tests/unit/fixtures/feedback.js';
import { BUDGETS } from '../budgets.js';
import { percentile, round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';

const BLOCK = 100;

export async function measureStorage({ kiosk, quick, tmpDir }: BenchContext): Promise<Figure[]> {
  const count = quick ? 300 : 10_000;
  const url = new URL('api/submitFeedback', kiosk.origin);
  const viaShell: number[] = [];
  const bare: number[] = [];

  const db = new Database(join(tmpDir, 'bare-insert.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const insertFeedback = db.prepare(INSERT_FEEDBACK);
  const insertTopic = db.prepare(INSERT_TOPIC);
  const insert = db.transaction((submission: FeedbackSubmission) => {
    const params = toInsertParams(submission, submission.comment, 'kiosk-1', new Date().toISOString());
    insertFeedback.run(params);
    for (const [topicId, helpful] of Object.entries(submission.topicHelpful)) insertTopic.run(submission.id, topicId, helpful ? 1 : 0);
  }).immediate;

  try {
    for (let done = 0; done < count; done += BLOCK) {
      const block = Array.from({ length: Math.min(BLOCK, count - done) }, () => validSubmission() as FeedbackSubmission);
      for (const submission of block) {
        const started = performance.now();
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-kiosk-token': kiosk.token },
          body: JSON.stringify(submission),
        });
        const body = (await response.json()) as { ok: boolean };
        viaShell.push(performance.now() - started);
        if (!body.ok) throw new Error(`submit refused: ${JSON.stringify(body)}`);
      }
      for (const submission of block) {
        const started = performance.now();
        insert(submission);
        bare.push(performance.now() - started);
      }
    }
  } finally {
    db.close();
  }

  const p50 = percentile(viaShell, 50);
  const bareP50 = percentile(bare, 50);
  const measure = 'Storage';
  return [
    {
      key: 'storage.p50Ratio',
      measure,
      label: `submit p50 vs bare insert (${count} submits)`,
      value: round(p50 / bareP50),
      unit: '×',
      budget: BUDGETS.storageP50Ratio,
    },
    { key: 'storage.p99Ratio', measure, label: 'submit p99 vs bare insert p99', value: round(percentile(viaShell, 99) / percentile(bare, 99)), unit: '×' },
    { key: 'storage.submitP50Ms', measure, label: 'submit p50 (browser shell HTTP)', value: round(p50, 3), unit: 'ms' },
    { key: 'storage.submitP99Ms', measure, label: 'submit p99 (browser shell HTTP)', value: round(percentile(viaShell, 99), 3), unit: 'ms' },
    { key: 'storage.bareP50Ms', measure, label: 'bare insert p50', value: round(bareP50, 3), unit: 'ms' },
    { key: 'storage.bareP99Ms', measure, label: 'bare insert p99', value: round(percentile(bare, 99), 3), unit: 'ms' },
  ];
}
