import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../electron/common/api/staff.js';
import type { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { testClock } from '../fixtures/clock.js';
import { ADMIN_PIN, sessionsFor, startTestCore, unlock } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { rowCounts, useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-retention-');
const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2026-11-20T12:00:00.000Z');
const settings = (retentionDays: number | null, syncEndpoint: string | null = null): Settings => ({
  kioskId: 'kiosk-1',
  idleTimeoutSeconds: 90,
  syncEndpoint,
  retentionDays,
  keepPartialFeedback: false,
});

/** Rows of every age and state: [age in days, synced, exported]. */
const ROWS = [
  [40, true, false],
  [40, false, true],
  [40, true, true],
  [40, false, false],
  [31, false, false],
  [29, true, true],
  [1, false, true],
] as const;

function seed(store: KioskDatabase): Map<string, (typeof ROWS)[number]> {
  const ids = new Map(
    ROWS.map((row) => {
      const submission = validSubmission();
      store.feedback.submit(submission, { now: new Date(NOW.getTime() - row[0] * DAY) });
      return [submission.id, row];
    }),
  );
  // Sync is a later issue: mark rows synced or exported by hand, from a second connection.
  const db = new Database(store.file);
  for (const [id, [, synced, exported]] of ids) {
    db.prepare('UPDATE feedback SET synced_at = ?, exported_at = ? WHERE id = ?').run(
      synced ? NOW.toISOString() : null,
      exported ? NOW.toISOString() : null,
      id,
    );
  }
  db.close();
  return ids;
}

describe('retention', () => {
  it('is off by default, and then deletes only old rows that were synced or exported', async () => {
    const { client, core, close } = startTestCore(tempDir(), { clock: testClock(NOW) });
    const { admin } = await sessionsFor(client);
    const store = core.feedback.database!;
    const ids = seed(store);
    const kept = () => [...ids].filter(([id]) => store.feedback.getById(id)).map(([, row]) => row);

    expect(await client.runRetention({ session: admin })).toEqual({ deleted: 0 });
    expect(store.feedback.countTotal()).toBe(ROWS.length);

    await client.updateSettings({ session: admin, settings: settings(30) });
    expect(await client.runRetention({ session: admin })).toEqual({ deleted: 3 });
    expect(kept()).toEqual([
      [40, false, false],
      [31, false, false],
      [29, true, true],
      [1, false, true],
    ]);
    expect(rowCounts(store.file)).toEqual({ feedback: 4, topics: 8 }); // their topic answers went too

    // Even "delete after 1 day" never takes a row that left the kiosk neither way.
    await client.updateSettings({ session: admin, settings: settings(1) });
    expect(await client.runRetention({ session: admin })).toEqual({ deleted: 1 });
    expect(kept()).toEqual([
      [40, false, false],
      [31, false, false],
      [1, false, true],
    ]);
    close();
  });

  it('with a sync endpoint set, deletes only rows the collector acknowledged: an export is not enough', async () => {
    const { client, core, close } = startTestCore(tempDir(), { clock: testClock(NOW) });
    const { admin } = await sessionsFor(client);
    const store = core.feedback.database!;
    const ids = seed(store);
    const kept = () => [...ids].filter(([id]) => store.feedback.getById(id)).map(([, row]) => row);

    // Nothing listens there: the pass is never run, only the setting matters.
    await client.updateSettings({ session: admin, settings: settings(30, 'http://127.0.0.1:9/') });
    expect(await client.runRetention({ session: admin })).toEqual({ deleted: 2 });
    expect(kept()).toEqual([
      [40, false, true],
      [40, false, false],
      [31, false, false],
      [29, true, true],
      [1, false, true],
    ]);

    // Without the endpoint, the export counts again.
    await client.updateSettings({ session: admin, settings: settings(30) });
    expect(await client.runRetention({ session: admin })).toEqual({ deleted: 1 });
    expect(kept()).toEqual([
      [40, false, false],
      [31, false, false],
      [29, true, true],
      [1, false, true],
    ]);
    close();
  });

  it('runs when the kiosk starts', async () => {
    const dataDir = tempDir();
    const clock = testClock(NOW);
    const first = startTestCore(dataDir, { clock });
    const { admin } = await sessionsFor(first.client);
    seed(first.core.feedback.database!);
    await first.client.updateSettings({ session: admin, settings: settings(30) });
    first.close();

    const second = startTestCore(dataDir, { clock });
    expect(second.core.feedback.database!.feedback.countTotal()).toBe(ROWS.length - 3);
    expect(await second.client.runRetention({ session: await unlock(second.client, ADMIN_PIN) })).toEqual({ deleted: 0 });
    second.close();
  });
});
