/**
 * The storage layer's errors. Callers need to tell "the disk let us down" (answer `unavailable`,
 * show the patient a calm message, keep running) from bad input and from bugs.
 */

export type StorageFailureReason = 'disk_full' | 'read_only' | 'locked' | 'corrupt' | 'io';

/** Nothing was written: the database could not be opened or the transaction was rolled back. */
export class StorageUnavailableError extends Error {
  constructor(
    readonly reason: StorageFailureReason,
    options: { cause: unknown },
  ) {
    super(`feedback storage unavailable (${reason}): ${describe(options.cause)}`, options);
    this.name = 'StorageUnavailableError';
  }
}

/**
 * The reason for an error that means the storage itself failed, or null for anything else
 * (a constraint violation or a TypeError is a bug and must not be reported as a full disk).
 * SQLite's extended codes share their primary code's prefix, e.g. SQLITE_IOERR_WRITE.
 */
export function storageFailureReason(error: unknown): StorageFailureReason | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL' || code === 'ENOSPC' || code === 'EDQUOT') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read_only';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'corrupt';
  if (code.startsWith('SQLITE_IOERR') || code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'EIO') return 'io';
  return null;
}

/** Runs `work`, turning storage failures into StorageUnavailableError and letting the rest through. */
export function guardStorage<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw asStorageError(error);
  }
}

/** `reason` overrides the one read from the error's code, when the caller knows better. */
export function asStorageError(error: unknown, reason = storageFailureReason(error)): unknown {
  if (error instanceof StorageUnavailableError) return error;
  return reason === null ? error : new StorageUnavailableError(reason, { cause: error });
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' && !cause.message.startsWith(code) ? `${code}: ${cause.message}` : cause.message;
  }
  return String(cause);
}

/** The file was written by a newer kiosk version; we neither migrate it down nor set it aside. */
export class NewerSchemaError extends Error {
  constructor(
    readonly found: number,
    readonly known: number,
  ) {
    super(`the database has schema version ${found}, but this kiosk only knows up to ${known}; install the newer version again`);
    this.name = 'NewerSchemaError';
  }
}
