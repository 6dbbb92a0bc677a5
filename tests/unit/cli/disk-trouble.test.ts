/**
 * `clinic-kiosk serve` on a disk in trouble, as a real process on a real small filesystem (a tmpfs;
 * see small-disk.ts): filled to the last byte while it runs, or read-only from the start. Either
 * way the kiosk keeps showing its content, a save fails with the calm "unavailable", logging
 * neither blocks nor kills it, and SIGTERM still stops it. Where no tmpfs can be mounted, these
 * skip with the reason; the database cap's own test (storage/disk-headroom.test.ts) runs anywhere.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validSubmission } from '../fixtures/feedback.js';
import { mountSmallDisk, type SmallDisk } from '../../support/small-disk.js';
import { startServe, type ServeChild } from './cli-child.js';

let disk: SmallDisk | undefined;
let serve: ServeChild | undefined;
afterEach(async () => {
  if (serve && serve.child.exitCode === null && serve.child.signalCode === null) {
    serve.child.kill('SIGKILL');
    await serve.exited;
  }
  serve = undefined;
  disk?.unmount();
  disk = undefined;
});

/** SIGTERM, then the exit code; 'still running' if it had not exited after `ms`. */
async function stopWithSigterm(running: ServeChild, ms = 10_000): Promise<number | null | 'still running'> {
  running.child.kill('SIGTERM');
  return Promise.race([running.exited, new Promise<'still running'>((resolve) => setTimeout(() => resolve('still running'), ms).unref())]);
}

/** Calls that look for the content and try to save: what a patient's screen does. */
async function expectContentButNoSave(running: ServeChild) {
  const bootstrap = await running.call('getBootstrap', {});
  expect(bootstrap.status).toBe(200);
  expect(bootstrap.json.value.content.sections.length).toBeGreaterThan(0);
  const save = await running.call('submitFeedback', validSubmission());
  expect(save.status).toBe(503);
  expect(save.json.error.code).toBe('unavailable');
}

describe('serve on a disk in trouble', () => {
  it('a disk that fills up while it runs: content still shows, saves fail calmly, logging goes on, SIGTERM stops it', async (context) => {
    const mounted = mountSmallDisk(16 * 1024);
    if ('unavailable' in mounted) return context.skip(mounted.unavailable);
    disk = mounted;
    // 1 MiB of headroom: the database stops growing before the disk is quite full.
    writeFileSync(join(disk.dir, 'config.json'), JSON.stringify({ diskHeadroomMegabytes: 1 }));
    serve = await startServe(disk.dir);
    expect((await serve.call('submitFeedback', validSubmission())).status).toBe(200);

    disk.fill();
    await expectContentButNoSave(serve);
    // Refusals and failures are logged as usual; the log cannot take them, and must not stop us.
    for (let i = 0; i < 300; i++) expect((await serve.call(`noSuchMethod${i}`, {})).status).toBe(404);
    await expectContentButNoSave(serve);

    expect(await stopWithSigterm(serve)).toBe(0);
  }, 60_000);

  it('a data folder that is read-only from the start: it starts, shows the content, fails saves calmly, stops on SIGTERM', async (context) => {
    const mounted = mountSmallDisk(16 * 1024);
    if ('unavailable' in mounted) return context.skip(mounted.unavailable);
    disk = mounted;
    // A kiosk that has run here before: database and log exist.
    serve = await startServe(disk.dir);
    expect((await serve.call('submitFeedback', validSubmission())).status).toBe(200);
    expect(await stopWithSigterm(serve)).toBe(0);

    disk.readOnly();
    serve = await startServe(disk.dir);
    await expectContentButNoSave(serve);
    for (let i = 0; i < 50; i++) expect((await serve.call(`noSuchMethod${i}`, {})).status).toBe(404);
    await expectContentButNoSave(serve);
    expect(await stopWithSigterm(serve)).toBe(0);
  }, 60_000);
});
