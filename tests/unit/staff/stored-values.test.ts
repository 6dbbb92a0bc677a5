/**
 * Issue 8, section 4: stored JSON is read back through its schema. A value of the wrong type or
 * with a field missing (another version's, or damaged) counts as absent and is logged by key,
 * never thrown and never logged with its value. Real SQLite files in a temp folder.
 */
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../electron/node/log/logger.js';
import { SETTING_KEYS } from '../../../electron/node/setting-keys.js';
import { CREDENTIAL_KEYS, CredentialStore } from '../../../electron/node/staff/credential-store.js';
import { hashPin } from '../../../electron/node/staff/pin-hash.js';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { readLastSync } from '../../../electron/node/sync/outbox.js';
import { credentialsTokenStore } from '../../../electron/node/sync/token-store.js';
import { ADMIN_PIN, capturingLogger, sessionsFor, STAFF_PIN, startTestCore } from '../fixtures/core.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-stored-values-');

const ignored = (log: ReturnType<typeof capturingLogger>) =>
  log
    .lines()
    .filter((line) => line.event === 'stored-value-invalid')
    .map((line) => line.key);

/** Writes credential entries past StaffAccess, as a damaged or foreign file would hold them. */
function putCredentials(dataDir: string, values: Record<string, unknown>): void {
  const credentials = new CredentialStore({ dataDir, logger: silentLogger(), now: () => new Date() });
  credentials.put(values);
  credentials.close();
}

describe('a stored value that fails its schema', () => {
  it('is a setting that falls back to the configured value, logged by key', async () => {
    const log = capturingLogger();
    const { client, core, close } = startTestCore(tempDir(), { logger: log.logger });
    const { admin } = await sessionsFor(client);
    core.feedback.store!.putSettings({
      [SETTING_KEYS.setting('idleTimeoutSeconds')]: 'ninety',
      [SETTING_KEYS.setting('keepPartialFeedback')]: { on: true },
      [SETTING_KEYS.setting('retentionDays')]: 30,
    });
    expect(await client.getSettings({ session: admin })).toMatchObject({ idleTimeoutSeconds: 90, keepPartialFeedback: false, retentionDays: 30 });
    expect(ignored(log).sort()).toEqual([SETTING_KEYS.setting('idleTimeoutSeconds'), SETTING_KEYS.setting('keepPartialFeedback')].sort());
    close();
  });

  it('is a PIN hash that is not there: that PIN opens nothing, and the log holds no hash', async () => {
    const dataDir = tempDir();
    const log = capturingLogger();
    const { client, close } = startTestCore(dataDir, { logger: log.logger });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    const { salt: _missing, ...noSalt } = await hashPin(ADMIN_PIN);
    putCredentials(dataDir, { [CREDENTIAL_KEYS.pin('admin')]: noSalt });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'wrong-pin' });
    const wrongType = { ...(await hashPin(ADMIN_PIN)), N: '32768' };
    putCredentials(dataDir, { [CREDENTIAL_KEYS.pin('admin')]: wrongType });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'wrong-pin' });
    expect(await client.unlockStaff({ pin: STAFF_PIN })).toMatchObject({ outcome: 'unlocked', role: 'staff' });
    expect(ignored(log).filter((key) => key === CREDENTIAL_KEYS.pin('admin')).length).toBeGreaterThanOrEqual(2);
    for (const hash of [noSalt.hash, wrongType.hash, wrongType.salt]) expect(log.text()).not.toContain(hash);
    close();
  });

  it('is a lock-out record that is not there: no lock, full tries', async () => {
    const dataDir = tempDir();
    const log = capturingLogger();
    const { client, close } = startTestCore(dataDir, { logger: log.logger });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    putCredentials(dataDir, { [CREDENTIAL_KEYS.lockout]: { failures: 'five', lockedUntil: '2999-01-01T00:00:00.000Z' } });
    expect(await client.getStaffSetup({})).toMatchObject({ lockedForSeconds: 0 });
    putCredentials(dataDir, { [CREDENTIAL_KEYS.lockout]: { failures: 4 } }); // lockedUntil missing
    expect(await client.unlockStaff({ pin: '0000' })).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    expect(ignored(log).filter((key) => key === CREDENTIAL_KEYS.lockout).length).toBeGreaterThanOrEqual(2);
    close();
  });

  it("is not taken over from an older version's feedback database", async () => {
    const dataDir = tempDir();
    const store = openFeedbackStore({ dataDir, kioskId: 'k' });
    store.putSettings({
      [SETTING_KEYS.legacyPin('staff')]: await hashPin(STAFF_PIN),
      [SETTING_KEYS.legacyPin('admin')]: 'not a hash',
      [SETTING_KEYS.legacyLockout]: { lockedUntil: null },
    });
    store.close();
    const log = capturingLogger();
    const { client, close } = startTestCore(dataDir, { logger: log.logger });
    expect(await client.unlockStaff({ pin: STAFF_PIN })).toMatchObject({ outcome: 'unlocked', role: 'staff' });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'wrong-pin' });
    expect(ignored(log)).toEqual(expect.arrayContaining([SETTING_KEYS.legacyPin('admin'), SETTING_KEYS.legacyLockout]));
    close();
  });

  it('is a sync token that is not set', () => {
    const dataDir = tempDir();
    const log = capturingLogger();
    putCredentials(dataDir, { [CREDENTIAL_KEYS.syncToken]: 42 });
    const credentials = new CredentialStore({ dataDir, logger: log.logger, now: () => new Date() });
    expect(credentialsTokenStore(credentials).get()).toBeNull();
    expect(ignored(log)).toEqual([CREDENTIAL_KEYS.syncToken]);
    credentials.close();
  });

  it('is no last sync and no last sync error, in the staff status too', async () => {
    const log = capturingLogger();
    const { client, core, close } = startTestCore(tempDir(), { logger: log.logger });
    const { staff } = await sessionsFor(client);
    const store = core.feedback.store!;
    store.putSettings({ [SETTING_KEYS.lastSyncAt]: 1764417600000, [SETTING_KEYS.lastSyncError]: { at: '2026-11-29T12:00:00.000Z' } });
    expect(readLastSync(store, log.logger)).toEqual({ lastSyncAt: null, lastError: null });
    expect(await client.getStaffStatus({ session: staff })).toMatchObject({ lastSyncAt: null });
    expect(ignored(log)).toEqual(expect.arrayContaining([SETTING_KEYS.lastSyncAt, SETTING_KEYS.lastSyncError]));
    close();
  });
});
