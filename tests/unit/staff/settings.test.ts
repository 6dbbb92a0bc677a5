import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../electron/common/api/staff.js';
import { SETTING_KEYS } from '../../../electron/node/setting-keys.js';
import { ADMIN_PIN, sessionsFor, startTestCore, unlock } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-settings-');

const changed: Settings = {
  kioskId: 'lobby-2',
  idleTimeoutSeconds: 45,
  syncEndpoint: 'https://collector.example.org/feedback',
  retentionDays: 180,
  keepPartialFeedback: true,
};

describe('settings', () => {
  it('start from the config file and reach the bootstrap', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ kioskId: 'front-desk', idleTimeoutSeconds: 120, keepPartialFeedback: true }));
    const { client, close } = startTestCore(dataDir);
    const { admin } = await sessionsFor(client);
    expect(await client.getSettings({ session: admin })).toEqual({
      kioskId: 'front-desk',
      idleTimeoutSeconds: 120,
      syncEndpoint: null,
      retentionDays: null,
      keepPartialFeedback: true,
    });
    expect((await client.getBootstrap({})).session).toEqual({ idleTimeoutSeconds: 120, idleWarningSeconds: 20, keepPartialFeedback: true });
    close();
  });

  it('default to 90 s and no partial feedback without a config file', async () => {
    const { client, close } = startTestCore(tempDir());
    expect((await client.getBootstrap({})).session).toEqual({ idleTimeoutSeconds: 90, idleWarningSeconds: 20, keepPartialFeedback: false });
    close();
  });

  it('saved at the kiosk, override the config, persist, and apply at once', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ kioskId: 'front-desk' }));
    const first = startTestCore(dataDir);
    const { admin } = await sessionsFor(first.client);
    const before = validSubmission();
    await first.client.submitFeedback(before);

    expect(await first.client.updateSettings({ session: admin, settings: changed })).toEqual(changed);
    expect(await first.client.getSettings({ session: admin })).toEqual(changed);
    expect((await first.client.getBootstrap({})).session).toEqual({ idleTimeoutSeconds: 45, idleWarningSeconds: 20, keepPartialFeedback: true });
    const after = validSubmission();
    await first.client.submitFeedback(after);
    const store = first.core.feedback.store!;
    expect(store.getById(before.id)?.kioskId).toBe('front-desk');
    expect(store.getById(after.id)?.kioskId).toBe('lobby-2');
    expect((await first.client.getStaffStatus({ session: admin })).kioskId).toBe('lobby-2');
    first.close();

    const second = startTestCore(dataDir);
    expect(await second.client.getSettings({ session: await unlock(second.client, ADMIN_PIN) })).toEqual(changed);
    second.close();
  });

  it('refuse invalid values through the contract, naming the field, and keep the old ones', async () => {
    const { client, close } = startTestCore(tempDir());
    const { admin } = await sessionsFor(client);
    const cases: [Partial<Record<keyof Settings, unknown>> & Record<string, unknown>, string][] = [
      [{ idleTimeoutSeconds: 4 }, 'settings.idleTimeoutSeconds'],
      [{ idleTimeoutSeconds: 4000 }, 'settings.idleTimeoutSeconds'],
      [{ idleTimeoutSeconds: 30.5 }, 'settings.idleTimeoutSeconds'],
      [{ kioskId: 'front desk' }, 'settings.kioskId'],
      [{ kioskId: '' }, 'settings.kioskId'],
      [{ syncEndpoint: 'ftp://example.org/x' }, 'settings.syncEndpoint'],
      [{ syncEndpoint: 'not a url' }, 'settings.syncEndpoint'],
      // Plain http only where it cannot leave this computer.
      [{ syncEndpoint: 'http://collector.example.org/' }, 'settings.syncEndpoint'],
      [{ syncEndpoint: 'http://10.0.0.5:8080/' }, 'settings.syncEndpoint'],
      [{ retentionDays: 0 }, 'settings.retentionDays'],
      [{ keepPartialFeedback: 'yes' }, 'settings.keepPartialFeedback'],
      [{ adminPin: '1234' }, 'settings.adminPin'],
    ];
    for (const [patch, field] of cases) {
      await expect(client.updateSettings({ session: admin, settings: { ...changed, ...patch } as Settings }), JSON.stringify(patch)).rejects.toMatchObject({
        code: 'invalid_input',
        field,
      });
    }
    await expect(client.updateSettings({ session: admin } as never)).rejects.toMatchObject({ code: 'invalid_input', field: 'settings' });
    expect(await client.getSettings({ session: admin })).toMatchObject({ kioskId: 'kiosk-1', idleTimeoutSeconds: 90 });
    close();
  });

  it('fall back to the configured value for a saved value that is no longer valid', async () => {
    const { client, core, close } = startTestCore(tempDir());
    const { admin } = await sessionsFor(client);
    core.feedback.store!.putSettings({ [SETTING_KEYS.setting('idleTimeoutSeconds')]: 2, [SETTING_KEYS.setting('retentionDays')]: 30 });
    expect(await client.getSettings({ session: admin })).toMatchObject({ idleTimeoutSeconds: 90, retentionDays: 30 });
    close();
  });
});
