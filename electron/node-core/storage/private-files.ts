/**
 * Owner-only files and folders. Everything the kiosk keeps holds feedback or credentials, so other
 * users on the machine get nothing: folders 0700, files 0600. On Windows the modes do little; the
 * per-user app-data folder is private there already.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and parents) owner-only, and tightens it if it already existed. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  tighten(dir, PRIVATE_DIR_MODE);
}

/**
 * Creates `file` empty and owner-only if it is missing, else tightens its mode. SQLite gives its
 * -wal and -shm files the database file's mode, so doing this before opening covers all three.
 */
export function makePrivateFile(file: string): void {
  if (existsSync(file)) tighten(file, PRIVATE_FILE_MODE);
  else closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
}

function tighten(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch {
    // Not ours to change (a folder someone else made, a read-only disk): the open or write that
    // follows reports the real problem, if there is one.
  }
}
