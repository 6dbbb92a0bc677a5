import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { NewerSchemaError } from '../../../electron/node/storage/errors.js';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { migrate, schemaVersion } from '../../../electron/node/storage/migrate.js';
import { LATEST_VERSION, MIGRATIONS, type Migration } from '../../../electron/node/storage/migrations/index.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs();
const FEEDBACK_ID = '0b5c6b1e-3d0f-4a8e-9c3e-2f1d4b6a7c80';

function freshDb(): Database.Database {
  return new Database(join(tempDir(), 'kiosk.db'));
}

function tables(db: Database.Database): string[] {
  return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
}

/** Rows that a database at each version can hold, and how to tell they survived. */
const seeds: Record<number, { insert(db: Database.Database): void; verify(db: Database.Database): void }> = {
  1: {
    insert(db) {
      db.prepare(
        `INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, worry_before, worry_after, overall_helpfulness, answered_questions, comment, partial)
         VALUES (?, '2025-01-02T03:04:05.678Z', 'kiosk-1', '1.0.0', 'en', 5, 2, 4, 'yes', 'Thanks', 0)`,
      ).run(FEEDBACK_ID);
      db.prepare("INSERT INTO feedback_topics VALUES (?, 'summary', 1), (?, 'faq', 0)").run(FEEDBACK_ID, FEEDBACK_ID);
    },
    verify(db) {
      expect(db.prepare('SELECT worry_before, worry_after, comment, seq FROM feedback WHERE id = ?').get(FEEDBACK_ID)).toEqual({
        worry_before: 5,
        worry_after: 2,
        comment: 'Thanks',
        seq: 1,
      });
      expect(db.prepare('SELECT count(*) FROM feedback_topics WHERE feedback_id = ?').pluck().get(FEEDBACK_ID)).toBe(2);
    },
  },
  2: {
    insert(db) {
      db.prepare("INSERT INTO incidents (at, kind, message) VALUES ('2025-01-02T00:00:00.000Z', 'database', 'kept')").run();
      db.prepare("INSERT INTO settings VALUES ('language', '\"en\"', '2025-01-02T00:00:00.000Z')").run();
    },
    verify(db) {
      expect(db.prepare('SELECT message FROM incidents').pluck().all()).toEqual(['kept']);
      expect(db.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get()).toBe('"en"');
    },
  },
  3: {
    insert(db) {
      db.prepare(
        "INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale) VALUES ('1b5c6b1e-3d0f-4a8e-9c3e-2f1d4b6a7c80', '2025-01-02T03:04:00.000Z', 'kiosk-1', '1.0.0', 'en')",
      ).run();
    },
    verify(db) {
      expect(db.prepare("SELECT created_at FROM feedback WHERE id = '1b5c6b1e-3d0f-4a8e-9c3e-2f1d4b6a7c80'").pluck().get()).toBe('2025-01-02T03:04:00.000Z');
    },
  },
  4: {
    insert(db) {
      db.prepare("UPDATE feedback SET sync_quarantined_at = '2025-01-03T00:00:00.000Z', sync_error = 'refused' WHERE id = ?").run(FEEDBACK_ID);
    },
    verify(db) {
      expect(db.prepare('SELECT sync_error FROM feedback WHERE id = ?').pluck().get(FEEDBACK_ID)).toBe('refused');
    },
  },
};

describe('migrations', () => {
  it('are numbered 1, 2, … with a seed for every version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(Object.keys(seeds).map(Number)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('build the whole schema from an empty database', () => {
    const db = freshDb();
    expect(schemaVersion(db)).toBe(0);
    expect(migrate(db)).toBe(LATEST_VERSION);
    expect(tables(db)).toEqual(['feedback', 'feedback_topics', 'incidents', 'settings']);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(migrate(db)).toBe(LATEST_VERSION); // a second run is a no-op
    db.close();
  });

  it.each(MIGRATIONS.map((m) => [m.version, m.name] as const))('upgrade to version %i (%s) from the version before, keeping the data', (version) => {
    const db = freshDb();
    expect(migrate(db, MIGRATIONS, version - 1)).toBe(version - 1);
    for (let v = 1; v < version; v++) seeds[v]!.insert(db);
    expect(migrate(db)).toBe(LATEST_VERSION);
    for (let v = 1; v < version; v++) seeds[v]!.verify(db);
    for (let v = version; v <= LATEST_VERSION; v++) seeds[v]!.insert(db); // the new tables work
    db.close();
  });

  it('round feedback times stored before version 3 down to the minute', () => {
    const db = freshDb();
    migrate(db, MIGRATIONS, 2);
    seeds[1]!.insert(db); // created at 03:04:05.678
    migrate(db);
    expect(db.prepare('SELECT created_at FROM feedback').pluck().all()).toEqual(['2025-01-02T03:04:00.000Z']);
    db.close();
  });

  it('let the store read a feedback written at version 1', () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'kiosk.db'));
    migrate(db, MIGRATIONS, 1);
    seeds[1]!.insert(db);
    db.close();
    const store = openFeedbackStore({ dataDir, kioskId: 'k' });
    expect(store.getById(FEEDBACK_ID)).toMatchObject({ worryBefore: 5, topicHelpful: { summary: true, faq: false }, answeredQuestions: 'yes' });
    expect(store.listIncidents()).toEqual([]);
    store.close();
  });

  it('roll a failing migration back whole, version included', () => {
    const db = freshDb();
    const broken: Migration[] = [
      ...MIGRATIONS,
      { version: LATEST_VERSION + 1, name: 'broken', sql: 'CREATE TABLE half_done (x INTEGER); SELECT * FROM no_such_table;' },
    ];
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(tables(db)).not.toContain('half_done');
    db.close();
  });

  it('refuse a database from a newer kiosk and leave it untouched', () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'kiosk.db'));
    migrate(db);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    expect(() => openFeedbackStore({ dataDir, kioskId: 'k' })).toThrow(NewerSchemaError);
    const again = new Database(join(dataDir, 'kiosk.db'));
    expect(schemaVersion(again)).toBe(LATEST_VERSION + 1);
    again.close();
  });

  it('enforce the schema ranges with CHECK constraints', () => {
    const db = freshDb();
    migrate(db);
    const insert = (column: string, value: unknown) =>
      db
        .prepare(
          `INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, ${column}) VALUES (?, '2025-01-02T03:04:05.678Z', 'k', '1.0.0', 'en', ?)`,
        )
        .run(crypto.randomUUID(), value);
    for (const [column, value] of [
      ['worry_before', 0],
      ['worry_after', 6],
      ['overall_helpfulness', 9],
      ['answered_questions', 'maybe'],
      ['partial', 2],
      ['comment', 'x'.repeat(1001)],
      ['worry_before', 'three'],
      ['worry_after', 2.5],
    ] as const) {
      expect(() => insert(column, value), `${column} = ${String(value).slice(0, 10)}`).toThrow(/constraint|cannot store/i);
    }
    expect(() =>
      db
        .prepare("INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale) VALUES (?, '2025-01-02 03:04:05', 'k', '1.0.0', 'en')")
        .run(crypto.randomUUID()),
    ).toThrow(/constraint/i);
    expect(() => db.prepare("INSERT INTO feedback_topics VALUES ('no-such-feedback', 'faq', 1)").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
