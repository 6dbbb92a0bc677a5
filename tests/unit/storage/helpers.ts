/** Shared test helpers: temp data dirs that clean up after themselves, and valid submissions. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';

/** Returns a function that makes a fresh temp dir; every dir is removed after each test. */
export function useTempDirs(prefix = 'kiosk-storage-'): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

export { validSubmission } from '../fixtures/feedback.js';

/** A second, independent connection for looking at what is really in the file. */
export function inspect<T>(file: string, look: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return look(db);
  } finally {
    db.close();
  }
}

export function rowCounts(file: string): { feedback: number; topics: number } {
  return inspect(file, (db) => ({
    feedback: db.prepare('SELECT count(*) FROM feedback').pluck().get() as number,
    topics: db.prepare('SELECT count(*) FROM feedback_topics').pluck().get() as number,
  }));
}

export function quickCheck(file: string): string[] {
  return inspect(file, (db) => db.pragma('quick_check', { simple: false }) as { quick_check: string }[]).map((r) => r.quick_check);
}
