import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../electron/common/api/errors.js';
import { ADMIN_PIN, capturingLogger, STAFF_PIN, startTestCore, unlock } from '../fixtures/core.js';
import { testClock } from '../fixtures/clock.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-staff-');
const WRONG = '0000';

describe('first-run PIN setup', () => {
  it('is offered until both PINs are set, and refused after', async () => {
    const { client, close } = startTestCore(tempDir());
    expect(await client.getStaffSetup({})).toEqual({ pinsConfigured: false, setupAllowed: true, lockedForSeconds: 0 });
    await expect(client.unlockStaff({ pin: STAFF_PIN })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN })).toEqual({ done: true });
    expect(await client.getStaffSetup({})).toEqual({ pinsConfigured: true, setupAllowed: false, lockedForSeconds: 0 });
    await expect(client.setupPins({ staffPin: '1111', adminPin: '2222' })).rejects.toMatchObject({ code: 'unauthorized' });
    expect(await client.unlockStaff({ pin: STAFF_PIN })).toMatchObject({ outcome: 'unlocked', role: 'staff' });
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    close();
  });

  it('validates the PINs through the contract', async () => {
    const { client, close } = startTestCore(tempDir());
    await expect(client.setupPins({ staffPin: '123', adminPin: '24680' })).rejects.toMatchObject({ code: 'invalid_input', field: 'staffPin' });
    await expect(client.setupPins({ staffPin: '1234', adminPin: '123456789' })).rejects.toMatchObject({ code: 'invalid_input', field: 'adminPin' });
    await expect(client.setupPins({ staffPin: '12a4', adminPin: '2468' })).rejects.toMatchObject({ code: 'invalid_input', field: 'staffPin' });
    await expect(client.setupPins({ staffPin: '1234', adminPin: '1234' })).rejects.toMatchObject({ code: 'invalid_input', field: 'adminPin' });
    await expect(client.unlockStaff({ pin: 1234 as unknown as string })).rejects.toBeInstanceOf(ApiError);
    expect(await client.getStaffSetup({})).toEqual({ pinsConfigured: false, setupAllowed: true, lockedForSeconds: 0 });
    close();
  });
});

describe('the wrong-PIN lock', () => {
  it('locks for 60 s after 5 wrong PINs, refuses even the right PIN meanwhile, then gives 5 fresh tries and doubles', async () => {
    const clock = testClock();
    const { client, close } = startTestCore(tempDir(), { clock });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });

    for (const attemptsLeft of [4, 3, 2, 1]) expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'wrong-pin', attemptsLeft });
    expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'locked', retryAfterSeconds: 60 });

    clock.advance(59_000);
    expect(await client.unlockStaff({ pin: ADMIN_PIN })).toEqual({ outcome: 'locked', retryAfterSeconds: 1 });
    clock.advance(1_000);
    // The lock has ended: a typo no longer locks at once, but the next lock is twice as long.
    for (const attemptsLeft of [4, 3, 2, 1]) expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'wrong-pin', attemptsLeft });
    expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'locked', retryAfterSeconds: 120 });
    clock.advance(119_500);
    expect(await client.unlockStaff({ pin: STAFF_PIN })).toEqual({ outcome: 'locked', retryAfterSeconds: 1 });
    clock.advance(500);
    expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    // The right PIN opens the panel, and the count stands.
    expect(await client.unlockStaff({ pin: STAFF_PIN })).toMatchObject({ outcome: 'unlocked', role: 'staff' });
    for (const attemptsLeft of [3, 2, 1]) expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'wrong-pin', attemptsLeft });
    expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'locked', retryAfterSeconds: 240 });
    close();
  });

  it('caps the lock at an hour', async () => {
    const clock = testClock();
    const { client, close } = startTestCore(tempDir(), { clock });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    const locks: number[] = [];
    let guesses = 0;
    while (locks.length < 8) {
      const result = await client.unlockStaff({ pin: WRONG });
      guesses++;
      if (result.outcome === 'locked') {
        locks.push(result.retryAfterSeconds);
        clock.advance(result.retryAfterSeconds * 1000);
      }
    }
    expect(locks).toEqual([60, 120, 240, 480, 960, 1920, 3600, 3600]);
    expect(guesses).toBe(8 * 5);
    close();
  });

  it('survives a restart', async () => {
    const dataDir = tempDir();
    const clock = testClock();
    const first = startTestCore(dataDir, { clock });
    await first.client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    for (let i = 0; i < 5; i++) await first.client.unlockStaff({ pin: WRONG });
    first.close();

    clock.advance(30_000);
    const second = startTestCore(dataDir, { clock });
    expect(await second.client.unlockStaff({ pin: ADMIN_PIN })).toEqual({ outcome: 'locked', retryAfterSeconds: 30 });
    clock.advance(30_000);
    expect(await second.client.unlockStaff({ pin: ADMIN_PIN })).toMatchObject({ outcome: 'unlocked', role: 'admin' });
    second.close();
  });

  it('counts parallel guesses one by one', async () => {
    const { client, close } = startTestCore(tempDir());
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    const results = await Promise.all(Array.from({ length: 8 }, () => client.unlockStaff({ pin: WRONG })));
    expect(results.filter((r) => r.outcome === 'wrong-pin')).toHaveLength(4);
    expect(results.filter((r) => r.outcome === 'locked')).toHaveLength(4);
    await expect(unlock(client, STAFF_PIN)).rejects.toThrow(/locked/);
    close();
  });

  it('logs every attempt, and never a PIN', async () => {
    const log = capturingLogger();
    const { client, close } = startTestCore(tempDir(), { logger: log.logger });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    for (let i = 0; i < 5; i++) await client.unlockStaff({ pin: WRONG });
    await client.unlockStaff({ pin: ADMIN_PIN });
    const attempts = log.lines().filter((line) => line.event === 'staff-unlock');
    expect(attempts.map((line) => line.outcome)).toEqual(['wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'wrong-pin', 'locked']);
    expect(attempts.map((line) => line.failures ?? null)).toEqual([1, 2, 3, 4, 5, null]);
    for (const pin of [WRONG, STAFF_PIN, ADMIN_PIN]) expect(log.text()).not.toContain(pin);
    close();
  });

  it('is not reset by a right PIN of either role: staff cannot walk the admin PIN space', async () => {
    const clock = testClock();
    const { client, close } = startTestCore(tempDir(), { clock });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    // The attack from issue 7: four admin guesses, then the staff PIN, again and again.
    for (const [lock, own] of [
      [60, STAFF_PIN],
      [120, ADMIN_PIN],
      [240, STAFF_PIN],
    ] as const) {
      for (const attemptsLeft of [4, 3, 2, 1]) expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'wrong-pin', attemptsLeft });
      expect(await client.unlockStaff({ pin: own })).toMatchObject({ outcome: 'unlocked' });
      expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'locked', retryAfterSeconds: lock });
      expect(await client.getStaffSetup({})).toMatchObject({ lockedForSeconds: lock });
      clock.advance(lock * 1000);
    }
    close();
  });

  it('forgets wrong PINs after a day without one', async () => {
    const clock = testClock();
    const { client, close } = startTestCore(tempDir(), { clock });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    for (let i = 0; i < 3; i++) await client.unlockStaff({ pin: WRONG });
    clock.advance(24 * 60 * 60 * 1000 - 1);
    expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'wrong-pin', attemptsLeft: 1 });
    clock.advance(24 * 60 * 60 * 1000);
    expect(await client.unlockStaff({ pin: WRONG })).toEqual({ outcome: 'wrong-pin', attemptsLeft: 4 });
    close();
  });

  it('forgets the lock length after a day without a wrong PIN', async () => {
    const clock = testClock();
    const { client, close } = startTestCore(tempDir(), { clock });
    await client.setupPins({ staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    const lockAfterFive = async () => {
      for (let i = 0; i < 4; i++) await client.unlockStaff({ pin: WRONG });
      return client.unlockStaff({ pin: WRONG });
    };
    expect(await lockAfterFive()).toEqual({ outcome: 'locked', retryAfterSeconds: 60 });
    clock.advance(60_000);
    expect(await lockAfterFive()).toEqual({ outcome: 'locked', retryAfterSeconds: 120 });
    clock.advance(24 * 60 * 60 * 1000);
    expect(await lockAfterFive()).toEqual({ outcome: 'locked', retryAfterSeconds: 60 });
    close();
  });
});
