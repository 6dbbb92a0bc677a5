/** What the staff status screen and the admin settings need: incidents and a key/value store. */
import type { Migration } from './migration.js';

export const migration002: Migration = {
  version: 2,
  name: 'operations',
  sql: `
    -- Things staff should know about, e.g. a damaged database that was set aside.
    CREATE TABLE incidents (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      at TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 32),
      message TEXT NOT NULL,
      detail TEXT
    ) STRICT;

    CREATE INDEX incidents_at ON incidents (at);

    -- Values are JSON text; their shape is the settings schema's business, not SQLite's.
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL CHECK (json_valid(value)),
      updated_at TEXT NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
