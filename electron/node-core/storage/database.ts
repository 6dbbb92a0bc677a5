/**
 * Opens one of the kiosk's SQLite files (the feedback database, the credentials file) with the
 * settings that make a committed row survive a power cut, owner-only, and checks it. A damaged file is renamed aside, never deleted: staff or a developer may
 * still recover rows from it.
 */
import { accessSync, constants, existsSync, renameSync, statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { makePrivateFile } from './private-files.js';
import { asStorageError, storageFailureReason } from './errors.js';
import { nativeBindingOption } from './native-binding.js';

export interface StorageLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface OpenDatabaseOptions {
  busyTimeoutMs: number;
  logger: StorageLogger;
  now: () => Date;
}

export interface OpenedDatabase {
  db: Database.Database;
  /** Set when a damaged file was moved aside and this database is new. */
  quarantine: { movedTo: string; problem: string } | null;
}

/** quick_check found damage, or the file is not a database at all. */
class DamagedDatabaseError extends Error {}

export function openDatabase(file: string, options: OpenDatabaseOptions): OpenedDatabase {
  let quarantine: OpenedDatabase['quarantine'] = null;
  const setAside = (problem: string) => {
    const movedTo = quarantineFile(file, options.now());
    options.logger.error({ file, movedTo, problem }, 'a damaged database file was set aside and a new one started');
    quarantine = { movedTo, problem };
  };
  try {
    const verdict = existsSync(file) ? inspectReadOnly(file, options.busyTimeoutMs) : 'ok';
    if (verdict instanceof DamagedDatabaseError) setAside(verdict.message);
    try {
      return { db: connect(file, options, verdict === 'unknown'), quarantine };
    } catch (error) {
      if (!(error instanceof DamagedDatabaseError) || quarantine) throw error;
      setAside(error.message);
      return { db: connect(file, options, false), quarantine };
    }
  } catch (error) {
    throw asStorageError(error, isCantOpen(error) && !canWrite(dirname(file)) ? 'read_only' : undefined);
  }
}

// SQLite says only "unable to open" when it may not create the file; say why, for the log.
function isCantOpen(error: unknown): boolean {
  return String((error as { code?: unknown } | null)?.code).startsWith('SQLITE_CANTOPEN');
}

function canWrite(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs quick_check on a read-only connection. Closing a read-write connection checkpoints the
 * log into the main file and deletes it; a read-only one leaves a damaged file and its log
 * exactly as found. 'unknown' when the check could not run (e.g. a hot rollback journal that only
 * a writer may replay); the read-write connection then checks instead.
 */
function inspectReadOnly(file: string, busyTimeoutMs: number): 'ok' | 'unknown' | DamagedDatabaseError {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs, ...nativeBindingOption() });
    return damageIn(db) ?? 'ok';
  } catch (error) {
    return storageFailureReason(error) === 'corrupt' ? damaged(error) : 'unknown';
  } finally {
    db?.close();
  }
}

function connect(file: string, { busyTimeoutMs, logger }: OpenDatabaseOptions, quickCheck: boolean): Database.Database {
  // Owner-only from the first byte; an empty file is a valid empty database.
  makePrivateFile(file);
  const db = new Database(file, nativeBindingOption());
  try {
    // First, so every later statement waits for a briefly locked file instead of failing.
    db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
    // WAL + FULL: each commit is fsynced to the log before the call returns.
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') logger.warn({ file, mode }, 'could not switch the feedback database to WAL mode');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // A deleted comment (retention) is overwritten with zeros, not left readable in free pages.
    db.pragma('secure_delete = ON');
    const damage = quickCheck ? damageIn(db) : null;
    if (damage) throw damage;
    return db;
  } catch (error) {
    db.close();
    throw storageFailureReason(error) === 'corrupt' ? damaged(error) : error;
  }
}

export interface SizeCap {
  /** A fixed cap on the file's size. */
  maxBytes?: number;
  /** Free space on `dir`'s disk that the file must not grow into. */
  headroom?: number;
  dir: string;
}

/**
 * Sets `max_page_count` so the file stays under both caps; a write past it fails as SQLITE_FULL,
 * like a full disk, and is rolled back whole. SQLite never lowers the cap below the pages in use,
 * so a file already past it still answers reads and reuses its free pages.
 */
export function capDatabaseSize(db: Database.Database, { maxBytes, headroom, dir }: SizeCap): void {
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const caps = maxBytes === undefined ? [] : [maxBytes];
  if (headroom !== undefined) {
    const { bavail, bsize } = statfsSync(dir);
    const inUse = (db.pragma('page_count', { simple: true }) as number) * pageSize;
    caps.push(inUse + bavail * bsize - headroom);
  }
  if (caps.length > 0) db.pragma(`max_page_count = ${Math.max(1, Math.floor(Math.min(...caps) / pageSize))}`);
}

function damageIn(db: Database.Database): DamagedDatabaseError | null {
  const rows = db.pragma('quick_check', { simple: false }) as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  return problems.length > 0 ? new DamagedDatabaseError(`quick_check: ${problems.join('\n').slice(0, 500)}`) : null;
}

function damaged(error: unknown): DamagedDatabaseError {
  return error instanceof DamagedDatabaseError ? error : new DamagedDatabaseError(error instanceof Error ? error.message : String(error), { cause: error });
}

/**
 * Renames `kiosk.db` to `kiosk.db.corrupt-<UTC time>` and its `-wal`/`-shm` to that name plus the
 * same suffix, so opening the set-aside file with sqlite3 still finds its own log.
 */
/** The marker in a set-aside file's name: `kiosk.db.corrupt-<time>`. */
export const QUARANTINE_MARK = '.corrupt-';

function quarantineFile(file: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let target = `${file}${QUARANTINE_MARK}${stamp}`;
  for (let n = 2; existsSync(target); n++) target = `${file}${QUARANTINE_MARK}${stamp}-${n}`;
  // The log goes first: a stale `-wal` left beside the new file would be replayed into it.
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(file + suffix)) renameSync(file + suffix, target + suffix);
  }
  renameSync(file, target);
  return target;
}
