/**
 * Sync on a kiosk that is not set up for it (no address or no token): the background passes say
 * nothing, as that is the kiosk's normal state, but an admin's "Sync now" shows why nothing went.
 */
import { expect, it } from 'vitest';
import { sessionsFor, startTestCore } from '../fixtures/core.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-sync-unset-');

it('"Sync now" without an address, then without a token, shows "sync is not set up" as the last problem', async () => {
  const { client, clock, close } = startTestCore(tempDir());
  const { admin } = await sessionsFor(client);
  expect(await client.getSyncStatus({ session: admin })).toMatchObject({ lastError: null });

  expect(await client.syncNow({ session: admin })).toMatchObject({
    outcome: 'not-configured',
    status: { lastError: { at: clock.now().toISOString(), message: 'sync is not set up: no sync address is set' } },
  });

  const settings = await client.getSettings({ session: admin });
  await client.updateSettings({ session: admin, settings: { ...settings, syncEndpoint: 'http://127.0.0.1:9/' } });
  expect(await client.syncNow({ session: admin })).toMatchObject({ status: { lastError: { message: 'sync is not set up: no sync token is set' } } });
  close();
});

it('a background pass on a kiosk without sync records no problem', async () => {
  const dataDir = tempDir();
  const { client, core, clock, close } = startTestCore(dataDir, { syncTiming: { afterSubmitMs: 1, idleIntervalMs: 60_000 } });
  const store = core.feedback.database!;
  // The first pass ran once the next one is an idle interval away.
  await expect.poll(() => new Date(core.sync.status(store).nextAttemptAt!).getTime() - clock.now().getTime(), { timeout: 5_000 }).toBe(60_000);
  const { admin } = await sessionsFor(client);
  expect(await client.getSyncStatus({ session: admin })).toMatchObject({ lastError: null });
  close();
});
