/**
 * The log file on real disks: a normal temp folder for rotation and permissions, and a small
 * tmpfs, filled up or remounted read-only, for the failures that used to take the kiosk down.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LogFile } from '../../../electron/node-core/log/log-file.js';
import { mountSmallDisk, type SmallDisk } from '../../support/small-disk.js';
import { useTempDirs } from '../storage/helpers.js';
import { until } from '../../support/until.js';

const tempDir = useTempDirs('kiosk-log-');
const line = (n: number) => `${JSON.stringify({ level: 30, n, msg: 'x'.repeat(80) })}\n`;
const flushed = (file: LogFile) => new Promise<void>((resolve) => file.flush(() => resolve()));

describe('the log file', () => {
  it('rotates at its size cap, keeps a few old files, all readable by the owner only', async () => {
    const dir = join(tempDir(), 'logs');
    const file = new LogFile({ dir, maxBytes: 4096, keep: 2 });
    for (let n = 0; n < 300; n++) file.write(line(n));
    await flushed(file);
    await file.close();

    expect(readdirSync(dir).sort()).toEqual(['kiosk.log', 'kiosk.log.1', 'kiosk.log.2']);
    for (const name of readdirSync(dir)) {
      expect(statSync(join(dir, name)).size).toBeLessThan(4096 + 200);
      expect(statSync(join(dir, name)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // The newest line is in the current file, and nothing was dropped.
    expect(readFileSync(join(dir, 'kiosk.log'), 'utf8')).toContain('"n":299');
    expect(file.dropped).toBe(0);
  });
});

describe('the log file on a disk in trouble', () => {
  let disk: SmallDisk | undefined;
  afterEach(() => {
    disk?.unmount();
    disk = undefined;
  });
  const mount = (sizeKiB: number) => {
    const mounted = mountSmallDisk(sizeKiB);
    if ('unavailable' in mounted) return mounted.unavailable;
    disk = mounted;
    return null;
  };

  it('on a full disk drops and counts lines, never throws, and says so once there is room', async (context) => {
    const unavailable = mount(256);
    if (unavailable) return context.skip(unavailable);
    const file = new LogFile({ dir: join(disk!.dir, 'logs'), retryMs: 50 });
    file.write(line(0));
    await flushed(file);
    disk!.fill();

    for (let n = 1; n <= 200; n++) file.write(line(n));
    await until('lines are dropped on the full disk', () => file.dropped > 0, 5_000);

    disk!.free();
    const log = join(disk!.dir, 'logs', 'kiosk.log');
    // Lines keep coming, as in a running kiosk; once the file is back a line says what was lost.
    await until(
      'the log says lines were dropped',
      () => {
        file.write(line(1000));
        return readFileSync(log, 'utf8').includes('log lines were dropped');
      },
      5_000,
    );
    const notice = readFileSync(log, 'utf8')
      .split('\n')
      .find((text) => text.includes('log lines were dropped'))!;
    expect(JSON.parse(notice).droppedLines).toBeGreaterThan(0);
    await file.close();
  });

  it('on a read-only disk opens nothing, throws nothing, and starts writing once it may', async (context) => {
    const unavailable = mount(256);
    if (unavailable) return context.skip(unavailable);
    disk!.readOnly();
    const file = new LogFile({ dir: join(disk!.dir, 'logs'), retryMs: 50 });
    for (let n = 0; n < 20; n++) file.write(line(n));
    await until('all 20 lines are dropped on the read-only disk', () => file.dropped === 20, 5_000);
    expect(existsSync(join(disk!.dir, 'logs'))).toBe(false);

    disk!.writable();
    const log = join(disk!.dir, 'logs', 'kiosk.log');
    // The notice is written when the file opens; a line queued while it opened may land before it.
    const written = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
    await until(
      'a new line and the dropped-lines notice are written',
      () => (file.write(line(99)), written().includes('"n":99') && written().includes('log lines were dropped')),
      5_000,
    );
    await file.close();
  });
});
