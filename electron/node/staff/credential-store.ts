/**
 * Credentials in their own small file, `<data dir>/credentials.db`, apart from the feedback
 * database: a damaged feedback database is set aside and started afresh, and that must never
 * take the PINs with it (anyone could then set new ones at the screen).
 *
 * It is SQLite for the same reasons as the feedback file: atomic writes that survive a power cut,
 * and safe use by the kiosk and the CLI at once. On top of SQLite's own check at open (a damaged
 * file is set aside, like the feedback file), each entry carries a SHA-256 of its key and value, so
 * a flipped bit reads as a missing entry rather than as a different PIN hash.
 *
 * Entries are named JSON values; add a name to CREDENTIAL_KEYS for a new secret. Never logged.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type * as v from 'valibot';
import type { StaffRole } from '../../common/api/staff.js';
import { openDatabase, type StorageLogger } from '../storage/database.js';
import { guardStorage } from '../storage/errors.js';
import { readStored } from '../storage/stored-value.js';

export const CREDENTIALS_FILE_NAME = 'credentials.db';

export const CREDENTIAL_KEYS = {
  /** A PinHash record per role. */
  pin: (role: StaffRole) => `pin.${role}`,
  /** The wrong-PIN count and lock (LockoutState): kept on disk, so a restart lifts no lock. */
  lockout: 'lockout',
  /** The sync collector's bearer token (a string); never exported, logged or returned by the API. */
  syncToken: 'sync.token',
} as const;

/** The entries that say staff access was ever set up in this file. */
export const STAFF_CREDENTIAL_KEYS: readonly string[] = [CREDENTIAL_KEYS.pin('staff'), CREDENTIAL_KEYS.pin('admin'), CREDENTIAL_KEYS.lockout];

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS credentials (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    -- SHA-256 of key, a newline and value, in hex.
    checksum TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT, WITHOUT ROWID;
`;

export interface CredentialStoreOptions {
  dataDir: string;
  logger: StorageLogger;
  now: () => Date;
}

export class CredentialStore {
  readonly file: string;
  /** Set when a damaged credentials file was moved aside at open and this one is new. */
  readonly quarantine: { movedTo: string; problem: string } | null;
  readonly #db: Database.Database;
  readonly #logger: StorageLogger;
  readonly #now: () => Date;

  /** Throws StorageUnavailableError when the file cannot be opened (read-only disk, say). */
  constructor({ dataDir, logger, now }: CredentialStoreOptions) {
    this.file = join(dataDir, CREDENTIALS_FILE_NAME);
    const opened = openDatabase(this.file, { busyTimeoutMs: 2000, logger, now });
    this.#db = opened.db;
    this.quarantine = opened.quarantine;
    this.#logger = logger;
    this.#now = now;
    try {
      guardStorage(() => this.#db.exec(SCHEMA));
    } catch (error) {
      this.#db.close();
      throw error;
    }
  }

  /** The entry's value, or undefined when it is absent, or fails its checksum or its schema (both logged). */
  get<S extends v.GenericSchema>(key: string, schema: S): v.InferOutput<S> | undefined {
    const row = guardStorage(() =>
      this.#db.prepare<[string], { value: string; checksum: string }>('SELECT value, checksum FROM credentials WHERE key = ?').get(key),
    );
    if (!row) return undefined;
    if (row.checksum !== checksum(key, row.value)) {
      this.#logger.error({ file: this.file, key }, 'a credential failed its integrity check; it is ignored until set again');
      return undefined;
    }
    return readStored(schema, JSON.parse(row.value), this.#logger, key);
  }

  /** Writes every entry in one transaction. */
  put(values: Record<string, unknown>): void {
    const upsert = this.#db.prepare<[string, string, string, string]>(
      'INSERT INTO credentials (key, value, checksum, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, checksum = excluded.checksum, updated_at = excluded.updated_at',
    );
    const at = this.#now().toISOString();
    guardStorage(() =>
      this.#db
        .transaction(() => {
          for (const [key, value] of Object.entries(values)) {
            const text = JSON.stringify(value);
            upsert.run(key, text, checksum(key, text), at);
          }
        })
        .immediate(),
    );
  }

  /** True when any of `keys` has an entry, sound or damaged: it was set in this file at some time. */
  holdsAny(keys: readonly string[]): boolean {
    const marks = keys.map(() => '?').join(', ');
    return guardStorage(
      () =>
        (this.#db
          .prepare(`SELECT count(*) FROM credentials WHERE key IN (${marks})`)
          .pluck()
          .get(...keys) as number) > 0,
    );
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}

function checksum(key: string, value: string): string {
  return createHash('sha256').update(`${key}\n${value}`).digest('hex');
}
