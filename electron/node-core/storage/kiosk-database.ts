/**
 * The kiosk database, `<data dir>/kiosk.db`: the one connection to it, and one repository per
 * concern on that connection (feedback, settings, incidents). Only the repositories speak SQL;
 * everything else goes through them, so the schema can change without touching the API or the UI.
 * Credentials live apart, in their own file (credential-repository.ts).
 *
 * Opening sets the pragmas, checks the file (a damaged one is set aside: database.ts), runs the
 * numbered migrations and caps the file's size. Calls are synchronous (better-sqlite3); each is
 * short. Storage failures throw StorageUnavailableError and write nothing.
 */
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { capDatabaseSize, openDatabase, type StorageLogger } from './database.js';
import { guardStorage } from './errors.js';
import { FeedbackRepository } from './feedback-repository.js';
import { IncidentRepository } from './incident-repository.js';
import { migrate } from './migrate.js';
import { makePrivateDir } from './private-files.js';
import { SettingsRepository } from './settings-repository.js';

export const DATABASE_FILE_NAME = 'kiosk.db';

export interface KioskDatabaseOptions {
  dataDir: string;
  /** Stored on every feedback row; names the kiosk, never the patient. */
  kioskId: string;
  logger?: StorageLogger;
  /** The clock, for tests. */
  now?: () => Date;
  /** How long a write waits for a lock held elsewhere before giving up. */
  busyTimeoutMs?: number;
  /** Caps the database file's size; beyond it a submit fails as `disk_full`. */
  maxDatabaseBytes?: number;
  /**
   * Free disk space the database must leave alone: before each submit the cap is lowered to what
   * fits above it, so a filling disk fails a save cleanly long before the system runs out.
   */
  diskHeadroomBytes?: number;
}

const silentLogger: StorageLogger = { info() {}, warn() {}, error() {} };

export class KioskDatabase {
  /** The database file's path, for the status screen and the log. */
  readonly file: string;
  readonly feedback: FeedbackRepository;
  readonly settings: SettingsRepository;
  readonly incidents: IncidentRepository;
  readonly #db: Database.Database;

  /** Throws StorageUnavailableError when the file cannot be opened, NewerSchemaError when it is too new. */
  constructor(options: KioskDatabaseOptions) {
    const logger = options.logger ?? silentLogger;
    const now = options.now ?? (() => new Date());
    this.file = join(options.dataDir, DATABASE_FILE_NAME);
    guardStorage(() => makePrivateDir(options.dataDir));
    const { db, quarantine } = openDatabase(this.file, { busyTimeoutMs: options.busyTimeoutMs ?? 2000, logger, now });
    this.#db = db;
    const capSize = () => capDatabaseSize(db, { maxBytes: options.maxDatabaseBytes, headroom: options.diskHeadroomBytes, dir: options.dataDir });
    try {
      guardStorage(() => migrate(db));
      guardStorage(capSize);
      const context = { now, logger };
      this.feedback = guardStorage(() => new FeedbackRepository(db, { ...context, kioskId: options.kioskId, capSize }));
      this.settings = guardStorage(() => new SettingsRepository(db, context));
      this.incidents = guardStorage(() => new IncidentRepository(db, context));
      if (quarantine) {
        this.incidents.record({
          kind: 'database',
          message: 'The feedback database was damaged. It was set aside and a new one was started; earlier feedback may be recoverable from the old file.',
          detail: JSON.stringify(quarantine),
        });
      }
    } catch (error) {
      db.close();
      throw error;
    }
  }

  close(): void {
    if (this.#db.open) this.#db.close();
  }
}
