/**
 * Brings a database up to the latest schema. Each migration runs in its own transaction together
 * with its `user_version` bump, so a crash leaves the file at one version or the next, never between.
 */
import type { Database } from 'better-sqlite3';
import { NewerSchemaError } from './errors.js';
import { MIGRATIONS, type Migration } from './migrations/index.js';

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies the migrations after the current version, up to `target`; returns the new version. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS, target = migrations.length): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration "${m.name}" is numbered ${m.version}, expected ${i + 1}`);
  });
  const current = schemaVersion(db);
  if (current > migrations.length) throw new NewerSchemaError(current, migrations.length);
  for (const migration of migrations.slice(current, target)) {
    // IMMEDIATE takes the write lock up front, so a busy database fails here rather than halfway.
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
