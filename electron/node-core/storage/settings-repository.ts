/**
 * The settings table: named JSON values (keys in setting-keys.ts). Each value is read back through
 * its valibot schema (stored-value.ts), so one another version wrote, or one damaged, counts as
 * absent and is logged by key.
 */
import type Database from 'better-sqlite3';
import type * as v from 'valibot';
import type { RepositoryContext } from './repository-context.js';
import { guardStorage } from './errors.js';
import { readStored } from './stored-value.js';

export class SettingsRepository {
  readonly #context: RepositoryContext;
  readonly #select: Database.Statement<[string], string>;
  readonly #count: Database.Statement<[string], number>;
  readonly #delete: Database.Statement<[string]>;
  readonly #dataVersion: Database.Statement<[], number>;
  readonly #upsertAll: (entries: [string, unknown][], updatedAt: string) => void;
  /** Writes through this connection, which SQLite's data_version does not count. */
  #writes = 0;

  constructor(db: Database.Database, context: RepositoryContext) {
    this.#context = context;
    this.#select = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
    this.#count = db.prepare<[string], number>('SELECT count(*) FROM settings WHERE key IN (SELECT value FROM json_each(?))').pluck();
    this.#delete = db.prepare('DELETE FROM settings WHERE key IN (SELECT value FROM json_each(?))');
    this.#dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    const upsert = db.prepare<[string, string, string]>(
      'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at',
    );
    this.#upsertAll = db.transaction((entries: [string, unknown][], updatedAt: string) => {
      for (const [key, value] of entries) upsert.run(key, JSON.stringify(value), updatedAt);
    }).immediate;
  }

  /** The value, or undefined when it was never set or fails `schema` (logged by key, never by value). */
  get<S extends v.GenericSchema>(key: string, schema: S): v.InferOutput<S> | undefined {
    const text = guardStorage(() => this.#select.get(key));
    return text === undefined ? undefined : readStored(schema, JSON.parse(text), this.#context.logger, key);
  }

  /** True when any of `keys` has a value, valid or not. */
  holdsAny(keys: readonly string[]): boolean {
    return guardStorage(() => this.#count.get(JSON.stringify(keys))!) > 0;
  }

  /** Saves every value (as JSON) in one transaction. */
  put(values: Record<string, unknown>): void {
    this.#writes++;
    guardStorage(() => this.#upsertAll(Object.entries(values), this.#context.now().toISOString()));
  }

  delete(keys: readonly string[]): void {
    guardStorage(() => this.#delete.run(JSON.stringify(keys)));
    this.#writes++;
  }

  /**
   * Changes whenever a setting may have changed: after a put or delete here, and after any commit
   * by another connection (SQLite's data_version), e.g. a CLI command. Cheap: callers cache on it.
   */
  version(): string {
    return `${guardStorage(() => this.#dataVersion.get())}:${this.#writes}`;
  }
}
