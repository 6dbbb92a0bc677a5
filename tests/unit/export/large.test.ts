/**
 * 100,000 rows: the export streams them without holding the event loop for long, so the kiosk's
 * UI and API stay responsive. A 5 ms interval counts the turns it gets during the export.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { exportFeedback } from '../../../electron/node/export/write-export.js';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { useTempDirs } from '../storage/helpers.js';
import { sha256 } from './helpers.js';

const tempDir = useTempDirs('kiosk-export-large-');
const ROWS = 100_000;
/**
 * The longest the event loop may go without a turn. The longest single pause is marking all
 * 100,000 rows exported in one transaction (about 120 ms on a 2-CPU machine); writing the whole
 * file in one go would stall for well over a second.
 */
const MAX_STALL_MS = 300;

/** 100,000 varied rows in one transaction, straight into SQLite (the store would fsync each). */
function seed(file: string): void {
  const db = new Database(file);
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${ROWS})
    INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, worry_before, worry_after,
                          overall_helpfulness, answered_questions, comment, partial)
    SELECT printf('%08x-0000-4000-8000-%012x', i, i),
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 97) || ' seconds'),
           'kiosk-1', '1.0.0', 'en', 1 + i % 5, 1 + (i * 7) % 5, nullif(i % 6, 0),
           CASE i % 4 WHEN 0 THEN 'yes' WHEN 1 THEN 'partly' WHEN 2 THEN 'no' END,
           CASE WHEN i % 10 = 0 THEN '=cmd ' || i || ', "quoted"' END, i % 13 = 0
    FROM n;
    INSERT INTO feedback_topics SELECT id, 'summary', seq % 2 FROM feedback;
    INSERT INTO feedback_topics SELECT id, 'faq', 1 FROM feedback WHERE seq % 3 = 0;`);
  db.close();
}

describe('a 100,000-row export', () => {
  it('streams, keeps the event loop turning, and writes every row', async () => {
    const dir = tempDir();
    const store = openFeedbackStore({ dataDir: dir, kioskId: 'kiosk-1' });
    seed(store.file);
    expect(store.countTotal()).toBe(ROWS);

    let ticks = 0;
    let last = performance.now();
    let longestStall = 0;
    const timer = setInterval(() => {
      const at = performance.now();
      longestStall = Math.max(longestStall, at - last);
      last = at;
      ticks++;
    }, 5);
    const started = performance.now();
    const written = await exportFeedback(store, { format: 'csv', coarsenToHour: true, onlyUnexported: true }, join(dir, 'big.csv'), { kioskId: 'kiosk-1', now: () => new Date(), topics: [] });
    const elapsed = performance.now() - started;
    longestStall = Math.max(longestStall, performance.now() - last);
    clearInterval(timer);

    const bytes = readFileSync(written.file);
    console.info(`100k CSV export: ${Math.round(elapsed)} ms, ${bytes.length} bytes, ${ticks} timer ticks, longest event-loop stall ${Math.round(longestStall)} ms`);
    expect(written.rows).toBe(ROWS);
    expect(bytes.toString('utf8').split('\r\n').length).toBe(ROWS + 2); // header + rows + the empty rest after the last CRLF
    expect(written.sha256).toBe(sha256(bytes));
    expect(longestStall).toBeLessThan(MAX_STALL_MS);
    expect(ticks).toBeGreaterThan(elapsed / 50); // the timer ran all along, not just at the end
    expect([...store.iterateFeedback({ onlyUnexported: true })]).toHaveLength(0); // all marked, in one statement
    store.close();
  }, 120_000);
});
