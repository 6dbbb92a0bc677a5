import { describe, expect, it } from 'vitest';
import type { KioskClient } from '../../../electron/common/api/contract.js';
import { SESSION_IDLE_MS, SESSION_MAX_MS } from '../../../electron/node/staff/sessions.js';
import { testClock } from '../fixtures/clock.js';
import { sessionsFor, startTestCore } from '../fixtures/core.js';
import { testShell } from '../fixtures/shell.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-sessions-');

/** Every admin-only method, called with `session` and otherwise valid input. */
const adminCalls = (client: KioskClient, session: string) => ({
  getDashboard: () => client.getDashboard({ session }),
  getSettings: () => client.getSettings({ session }),
  updateSettings: () =>
    client.updateSettings({ session, settings: { kioskId: 'x', idleTimeoutSeconds: 60, syncEndpoint: null, retentionDays: null, keepPartialFeedback: false } }),
  runRetention: () => client.runRetention({ session }),
  prepareExport: () => client.prepareExport({ session, format: 'csv', destination: 'download' }),
  quitKiosk: () => client.quitKiosk({ session }),
  getSyncStatus: () => client.getSyncStatus({ session }),
  syncNow: () => client.syncNow({ session }),
  setSyncToken: () => client.setSyncToken({ session, token: 'a'.repeat(64) }),
});

describe('staff sessions and roles', () => {
  it('refuse a staff session for every admin method, and do nothing', async () => {
    const shell = testShell();
    const { client, core, close } = startTestCore(tempDir(), { shell });
    const { staff } = await sessionsFor(client);
    for (const [method, call] of Object.entries(adminCalls(client, staff))) {
      await expect(call(), method).rejects.toMatchObject({ code: 'forbidden', message: 'this needs the admin PIN' });
    }
    expect(await client.getStaffStatus({ session: staff })).toMatchObject({ role: 'staff' });
    expect(shell.quits).toBe(0);
    expect(core.settings.current(core.feedback.store).kioskId).toBe('kiosk-1');
    close();
  });

  it('let an admin session do all of it', async () => {
    const shell = testShell();
    const { client, close } = startTestCore(tempDir(), { shell });
    const { admin } = await sessionsFor(client);
    for (const [method, call] of Object.entries(adminCalls(client, admin))) await expect(call(), method).resolves.toBeTruthy();
    expect(await client.getStaffStatus({ session: admin })).toMatchObject({ role: 'admin' });
    await new Promise((resolve) => setImmediate(resolve)); // quit comes after the answer
    expect(shell.quits).toBe(1);
    close();
  });

  it('end after 10 minutes without use, and last while used', async () => {
    const clock = testClock();
    const { client, close } = startTestCore(tempDir(), { clock });
    const { staff, admin } = await sessionsFor(client);
    clock.advance(SESSION_IDLE_MS - 1000);
    await client.getStaffStatus({ session: staff }); // staff used it; admin did not
    clock.advance(1000);
    await expect(client.getSettings({ session: admin })).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('session has ended') });
    clock.advance(SESSION_IDLE_MS - 2000); // 1 s short of 10 minutes since staff last used it
    expect(await client.getStaffStatus({ session: staff })).toMatchObject({ role: 'staff' });
    clock.advance(SESSION_IDLE_MS);
    await expect(client.getStaffStatus({ session: staff })).rejects.toMatchObject({ code: 'unauthorized' });
    close();
  });

  it('end an hour after the unlock, however busy', async () => {
    const clock = testClock();
    const { client, close } = startTestCore(tempDir(), { clock });
    const { admin } = await sessionsFor(client);
    for (let used = 0; used < SESSION_MAX_MS - 60_000; used += 60_000) {
      clock.advance(60_000);
      await client.getSettings({ session: admin });
    }
    clock.advance(60_000);
    await expect(client.getSettings({ session: admin })).rejects.toMatchObject({ code: 'unauthorized', message: expect.stringContaining('session has ended') });
    close();
  });

  it('end at lockStaff, and refuse unknown or malformed tokens', async () => {
    const { client, close } = startTestCore(tempDir());
    const { staff, admin } = await sessionsFor(client);
    expect(staff).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    expect(await client.lockStaff({ session: admin })).toEqual({ done: true });
    await expect(client.getSettings({ session: admin })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await client.getStaffStatus({ session: staff })).toMatchObject({ role: 'staff' }); // other sessions live on
    await expect(client.getStaffStatus({ session: 'A'.repeat(43) })).rejects.toMatchObject({ code: 'unauthorized' });
    await expect(client.getStaffStatus({ session: 'short' })).rejects.toMatchObject({ code: 'invalid_input', field: 'session' });
    expect(await client.lockStaff({ session: admin })).toEqual({ done: true }); // locking twice is harmless
    close();
  });
});
