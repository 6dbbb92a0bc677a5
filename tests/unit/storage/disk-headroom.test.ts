/**
 * The database cap that keeps a filling disk from freezing the kiosk: the feedback database may
 * grow only while `diskHeadroomMegabytes` of the disk stay free. Runs on any disk: the headroom is
 * set from the temp folder's real free space, so the cap is reached at once (the tmpfs test in
 * cli/disk-trouble.test.ts fills a real disk where one can be mounted).
 */
import { statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCore } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs('kiosk-headroom-');
const MiB = 1024 * 1024;
const freeMegabytes = () => {
  const { bavail, bsize } = statfsSync(tmpdir());
  return Math.floor((bavail * bsize) / MiB);
};
/** The most headroom config.json takes (its schema's limit). */
const MOST_HEADROOM = 102_400;
/**
 * Headroom beyond the disk's free space, by a margin: other test files write and delete on the
 * same disk meanwhile, and a cap set only 1 MiB past the free space let the saves through once
 * they freed more than that.
 */
const MARGIN = 4096;
const overFreeSpace = freeMegabytes() + MARGIN <= MOST_HEADROOM;
if (!overFreeSpace) console.log(`[headroom] SKIPPED one test — the disk has more than ${MOST_HEADROOM - MARGIN} MiB free, past what config.json takes`);

function coreWithHeadroom(megabytes: (freeMegabytes: number) => number) {
  const dataDir = tempDir();
  writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ diskHeadroomMegabytes: megabytes(freeMegabytes()) }));
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
  it.runIf(overFreeSpace)('refuses saves calmly once the headroom is reached, while the content keeps showing', async () => {
    // More headroom than the disk has free: the file may not grow by one page.
    const { client, core, close } = coreWithHeadroom((free) => free + MARGIN);
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
