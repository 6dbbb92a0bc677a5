/**
 * The database cap that keeps a filling disk from freezing the kiosk: the feedback database may
 * grow only while `diskHeadroomMegabytes` of the disk stay free. Runs on any disk: the headroom is
 * set from the temp folder's real free space, so the cap is reached at once (the tmpfs test in
 * cli/disk-trouble.test.ts fills a real disk where one can be mounted).
 */
import { statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs('kiosk-headroom-');
const MiB = 1024 * 1024;

function coreWithHeadroom(megabytes: (freeMegabytes: number) => number) {
  const dataDir = tempDir();
  const { bavail, bsize } = statfsSync(dataDir);
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ diskHeadroomMegabytes: megabytes(Math.floor((bavail * bsize) / MiB)) }));
  return startTestCore(dataDir);
}

/** Submits up to `most` feedback; returns how many were stored before the first refusal, and it. */
async function submitUntilRefused(client: ReturnType<typeof startTestCore>['client'], most: number) {
  for (let stored = 0; stored < most; stored++) {
    try {
      await client.submitFeedback(validSubmission({ comment: 'x'.repeat(400) }));
    } catch (error) {
      return { stored, error };
    }
  }
  return { stored: most, error: null };
}

describe('the database cap from the disk headroom', () => {
  it('refuses saves calmly once the headroom is reached, while the content keeps showing', async () => {
    // More headroom than the disk has free: the file may not grow by one page.
    const { client, core, close } = coreWithHeadroom((free) => free + 1);
    const { stored, error } = await submitUntilRefused(client, 200);
    expect(error).toMatchObject({ code: 'unavailable', message: expect.stringContaining('disk_full') });
    expect(core.feedback.database!.feedback.countTotal()).toBe(stored);
    // A refused save stored nothing, and the next one is refused the same way.
    await expect(client.submitFeedback(validSubmission())).rejects.toMatchObject({ code: 'unavailable' });
    expect(core.feedback.database!.feedback.countTotal()).toBe(stored);
    expect((await client.getBootstrap({})).content.sections.length).toBeGreaterThan(0);
    close();
  });

  it('takes every save while the headroom is there', async () => {
    const { client, core, close } = coreWithHeadroom(() => 0);
    expect(await submitUntilRefused(client, 200)).toEqual({ stored: 200, error: null });
    expect(core.feedback.database!.feedback.countTotal()).toBe(200);
    close();
  });
});
