/**
 * Many varied feedback rows at once, straight into a kiosk database file in one transaction (the
 * store would fsync each): for the 100,000-row export test and the export and sync benchmarks. The file must
 * already have the schema (open a store on it first).
 */
import Database from 'better-sqlite3';

export function seedFeedback(file: string, rows: number, kioskId = 'kiosk-1'): void {
  const db = new Database(file);
  db.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${Math.trunc(rows)})
       INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, worry_before, worry_after,
                             overall_helpfulness, answered_questions, comment, partial)
       SELECT printf('%08x-0000-4000-8000-%012x', i, i),
              strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || (i * 97) || ' seconds'),
              ?, '1.0.0', 'en', 1 + i % 5, 1 + (i * 7) % 5, nullif(i % 6, 0),
              CASE i % 4 WHEN 0 THEN 'yes' WHEN 1 THEN 'partly' WHEN 2 THEN 'no' END,
              CASE WHEN i % 10 = 0 THEN '=cmd ' || i || ', "quoted"' END, i % 13 = 0
       FROM n`,
    ).run(kioskId);
    db.exec(`
      INSERT INTO feedback_topics SELECT id, 'summary', seq % 2 FROM feedback;
      INSERT INTO feedback_topics SELECT id, 'faq', 1 FROM feedback WHERE seq % 3 = 0;`);
  })();
  db.close();
}
