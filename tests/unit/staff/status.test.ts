import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../../../electron/node-core/setting-keys.js';
import { testClock } from '../fixtures/clock.js';
import { sessionsFor, STAFF_PIN, startTestCore, unlock } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-status-');

describe('the staff status screen', () => {
  it('counts today, the total and the unsynced, and names the content', async () => {
    const clock = testClock(new Date(2026, 10, 20, 15, 0));
    const { client, core, close } = startTestCore(tempDir(), { clock });
    const { staff } = await sessionsFor(client);
    const store = core.feedback.database!;
    store.feedback.submit(validSubmission(), { now: new Date(2026, 10, 19, 23, 59) }); // yesterday, local
    for (let i = 0; i < 3; i++) await client.submitFeedback(validSubmission());
    store.feedback.markExported([1, 2]); // exported is not synced: still counts as unsynced

    expect(await client.getStaffStatus({ session: staff })).toEqual({
      role: 'staff',
      kioskId: 'kiosk-1',
      feedbackToday: 3,
      feedbackTotal: 4,
      unsynced: 4,
      lastSyncAt: null,
      content: { id: 'ketamine-addiction', version: '1.0.0', locale: 'en' },
      incidents: [],
    });
    store.settings.put({ [SETTING_KEYS.lastSyncAt]: '2026-11-20T14:00:00.000Z' });
    expect((await client.getStaffStatus({ session: staff })).lastSyncAt).toBe('2026-11-20T14:00:00.000Z');
    close();
  });

  it('lists incidents from this run and earlier ones, newest first', async () => {
    const dataDir = tempDir();
    const setUp = startTestCore(dataDir);
    await sessionsFor(setUp.client);
    setUp.close();
    writeFileSync(join(dataDir, 'kiosk.db'), 'this is not a database'.repeat(100)); // set aside at start
    const first = startTestCore(dataDir);
    first.close();
    writeFileSync(join(dataDir, 'config.json'), '{ not json');
    const clock = testClock(new Date('2030-01-01T00:00:00.000Z'));
    const { client, close } = startTestCore(dataDir, { clock });
    const staff = await unlock(client, STAFF_PIN); // the PINs outlived the damaged database
    const { incidents } = await client.getStaffStatus({ session: staff });
    expect(incidents.map((incident) => incident.kind)).toEqual(['config', 'database']);
    expect(incidents[0]!.message).toMatch(/settings file could not be used/);
    expect(incidents[1]!.message).toMatch(/damaged/);
    expect(Object.keys(incidents[0]!)).toEqual(['at', 'kind', 'message']); // no technical detail on screen
    close();
  });
});
