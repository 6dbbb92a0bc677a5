/**
 * Issue 7, item 4: the PINs live in their own file, so a damaged feedback database that is set
 * aside takes none of them, and the touch screen can never set PINs on a kiosk that had some.
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/node-core/log/logger.js';
import { SETTING_KEYS } from '../../../electron/node-core/setting-keys.js';
import { CredentialRepository } from '../../../electron/node-core/storage/credential-repository.js';
import { hashPin } from '../../../electron/node-core/staff/pin-hash.js';
import { StaffAccess } from '../../../electron/node-core/staff/staff-access.js';
import { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { credentialsTokenStore } from '../../../electron/node-core/sync/token-store.js';
import { ADMIN_PIN, STAFF_PIN, startTestCore } from '../fixtures/core.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-credentials-');
const OPERATOR_ONLY = { pinsConfigured: false, setupAllowed: false, lockedForSeconds: 0 };

async function setUpKiosk(): Promise<string> {
  const dataDir = tempDir();
  const { client, close } = startTestCore(dataDir);
  await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
  close();
  return dataDir;
}

/** What the operator's `clinic-kiosk set-pin` does (the CLI test runs the real command). */
async function operatorSetsPin(dataDir: string, role: 'staff' | 'admin', pin: string) {
  const store = new KioskDatabase({ dataDir, kioskId: 'k' });
  const access = new StaffAccess({ dataDir, logger: silentLogger() });
  await access.setPin(store, role, pin);
  access.close();
  store.close();
}

describe('the credentials file', () => {
  it('keeps the PINs when the feedback database is damaged and set aside', async () => {
    const dataDir = await setUpKiosk();
    writeFileSync(join(dataDir, 'kiosk.db'), 'this is not a database'.repeat(200));
    const { client, core, close } = startTestCore(dataDir);
    expect(core.feedback.database!.incidents.list()[0]).toMatchObject({ kind: 'database' });
    expect(await client.getStaffSetup({})).toMatchObject({ pinsConfigured: true });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    close();
  });

  it('is owner-only, like the database and the data folder', async () => {
    const dataDir = await setUpKiosk();
    for (const name of ['credentials.db', 'kiosk.db']) expect(statSync(join(dataDir, name)).mode & 0o777, name).toBe(0o600);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
  });

  it('missing after a setup: the screen refuses to set PINs, the operator can', async () => {
    const dataDir = await setUpKiosk();
    for (const name of readdirSync(dataDir).filter((n) => n.startsWith('credentials.db'))) writeFileSync(join(dataDir, name), '');
    const { client, close } = startTestCore(dataDir);
    expect(await client.getStaffSetup({})).toEqual(OPERATOR_ONLY);
    await expect(client.setupPins({ staffPin: '1111', adminPin: '2222' })).rejects.toMatchObject({
      code: 'unauthorized',
      message: expect.stringContaining('set-pin'),
    });
    close();

    await operatorSetsPin(dataDir, 'admin', '97531');
    await operatorSetsPin(dataDir, 'staff', '8642');
    const after = startTestCore(dataDir);
    expect(await after.client.getStaffSetup({})).toMatchObject({ pinsConfigured: true });
    expect(await after.client.unlockStaff({ pin: '97531' })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    after.close();
  });

  it('damaged: it is set aside, staff are told (the PINs and the sync token), and only the operator can set PINs', async () => {
    const dataDir = await setUpKiosk();
    writeFileSync(join(dataDir, 'credentials.db'), 'garbage'.repeat(1000));
    const { client, core, close } = startTestCore(dataDir);
    expect(await client.getStaffSetup({})).toEqual(OPERATOR_ONLY);
    expect(readdirSync(dataDir).some((name) => name.startsWith('credentials.db.corrupt-'))).toBe(true);
    const { message } = core.feedback.database!.incidents.list()[0]!;
    expect(core.feedback.database!.incidents.list()[0]).toMatchObject({ kind: 'credentials' });
    expect(message).toContain('set-pin');
    expect(message).toContain('sync token');
    await expect(client.setupPins({ staffPin: '1111', adminPin: '2222' })).rejects.toMatchObject({ code: 'unauthorized' });
    close();
  });

  it('a PIN entry that fails its checksum counts as missing, never as another PIN', async () => {
    const dataDir = await setUpKiosk();
    const db = new Database(join(dataDir, 'credentials.db'));
    const forged = JSON.stringify(await hashPin('1111'));
    db.prepare("UPDATE credentials SET value = ? WHERE key = 'pin.admin'").run(forged);
    db.close();
    const { client, close } = startTestCore(dataDir);
    expect(await client.unlockStaff({ pin: '1111' })).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    expect(await client.getStaffSetup({})).toEqual(OPERATOR_ONLY);
    close();
  });

  it('after a database quarantine on a kiosk whose credentials are gone too, the screen cannot set PINs', async () => {
    const dataDir = tempDir();
    const store = new KioskDatabase({ dataDir, kioskId: 'k' });
    store.close();
    writeFileSync(join(dataDir, 'kiosk.db'), 'not a database'.repeat(300));
    const { client, close } = startTestCore(dataDir);
    expect(await client.getStaffSetup({})).toEqual(OPERATOR_ONLY);
    close();
  });

  it('a sync token set before any PIN leaves the first-run setup to the screen', async () => {
    const dataDir = tempDir();
    // What `clinic-kiosk set-sync-token` does on a kiosk whose PINs were never set.
    const credentials = new CredentialRepository({ dataDir, logger: silentLogger(), now: () => new Date() });
    credentialsTokenStore(credentials).set('t'.repeat(40));
    credentials.close();
    const { client, close } = startTestCore(dataDir);
    expect(await client.getStaffSetup({})).toMatchObject({ pinsConfigured: false, setupAllowed: true });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    close();
  });

  it('takes over the PINs and the lock an older version kept in the feedback database', async () => {
    const dataDir = tempDir();
    const store = new KioskDatabase({ dataDir, kioskId: 'k' });
    store.settings.put({
      [SETTING_KEYS.legacyPin('staff')]: await hashPin(STAFF_PIN),
      [SETTING_KEYS.legacyPin('admin')]: await hashPin(ADMIN_PIN),
      [SETTING_KEYS.legacyLockout]: { failures: 2, lockedUntil: null },
    });
    store.close();
    expect(existsSync(join(dataDir, 'credentials.db'))).toBe(false);

    const { client, core, close } = startTestCore(dataDir);
    expect(await client.getStaffSetup({})).toEqual({ pinsConfigured: true, setupAllowed: false, lockedForSeconds: 0 });
    expect(await client.unlockStaff({ pin: '0000' })).toEqual({ outcome: 'wrong-pin', attemptsLeft: 2 });
    expect(await client.unlockStaff({ pin: STAFF_PIN })).toMatchObject({ outcome: 'unlocked', role: 'staff' });
    expect(core.feedback.database!.settings.holdsAny([SETTING_KEYS.legacyPin('admin')])).toBe(false);
    close();
    const again = startTestCore(dataDir);
    expect(await again.client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    again.close();
  });
});
