/**
 * A real, small filesystem for disk-trouble tests: a tmpfs mounted on a temp folder (we run as
 * root on the build machines), which can be filled to the last byte or remounted read-only. Where
 * mounting is not allowed, `mountSmallDisk` says why, and the caller skips or falls back.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk has no byte left. */
  fill(): void;
  /** Removes the filler again. */
  free(): void;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

export function mountSmallDisk(sizeKiB: number): SmallDisk | { unavailable: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0755`, 'tmpfs', dir], { stdio: 'pipe' });
  } catch (error) {
    rmdirSync(dir);
    return { unavailable: `cannot mount a small tmpfs here (${String((error as Error).message).split('\n')[0]})` };
  }
  const filler = join(dir, 'filler');
  const remount = (mode: 'ro' | 'rw') => execFileSync('mount', ['-o', `remount,${mode}`, dir], { stdio: 'pipe' });
  return {
    dir,
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Big chunks first, then ever smaller ones, until not even one byte fits.
        for (let chunk = 64 * 1024; chunk >= 1; chunk = Math.floor(chunk / 2)) {
          const bytes = Buffer.alloc(chunk, 0x2e);
          for (let i = 0; i < (sizeKiB * 1024) / chunk + 1; i++) {
            try {
              writeSync(fd, bytes);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    readOnly: () => remount('ro'),
    writable: () => remount('rw'),
    unmount() {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmdirSync(dir);
    },
  };
}
