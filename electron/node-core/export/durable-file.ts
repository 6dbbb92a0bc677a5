/**
 * Export files are written beside their final name, flushed to disk, and only then renamed into
 * place, so an export that fails, or a USB stick pulled too early, never leaves a half file that
 * looks complete.
 */
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Lets `write` fill `<file>.partial` (it must flush it: `flush: true` on the stream or writeFile),
 * then renames that to `file`. On failure the partial file is removed.
 */
export async function writeDurably<T>(file: string, write: (partial: string) => Promise<T>): Promise<T> {
  const partial = `${file}.partial`;
  try {
    const result = await write(partial);
    await rename(partial, file);
    await syncDirectory(dirname(file));
    return result;
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
}

/** Makes the rename itself durable where the OS allows it. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some systems (Windows) refuse to open or sync a directory; the file itself is flushed already.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
