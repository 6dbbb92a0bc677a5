/**
 * Reads feedback straight from a kiosk's database file, on a read-only connection of the test's own:
 * what the store really committed, independent of the code under test. Unit and browser tests share it.
 */
import Database from 'better-sqlite3';
import type { FeedbackRow } from '../../electron/node-core/storage/feedback-rows.js';

/** A feedback row as SQLite holds it, with its topic answers gathered. */
export type StoredFeedback = Omit<FeedbackRow, 'topics'> & { topics: Record<string, boolean> };

/** `where` is SQL after WHERE (trusted test text); by default every row, oldest first. */
export function readStoredFeedback(file: string, where = '1 ORDER BY seq', ...params: unknown[]): StoredFeedback[] {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare(`SELECT * FROM feedback WHERE ${where}`).all(...params) as Omit<StoredFeedback, 'topics'>[];
    const topics = db.prepare('SELECT topic_id, helpful FROM feedback_topics WHERE feedback_id = ?');
    return rows.map((row) => ({
      ...row,
      topics: Object.fromEntries((topics.all(row.id) as { topic_id: string; helpful: number }[]).map((t) => [t.topic_id, t.helpful === 1])),
    }));
  } finally {
    db.close();
  }
}
