/**
 * Five wrong PINs lock the pad: it says so calmly, counts the lock down live, and refuses digits
 * until then. The operator's way back in (`clinic-kiosk set-pin`) lifts the lock.
 * Its own kiosk (own worker and data folder), so the lock touches no other test.
 */
import { t } from './fixtures.js';
import { enterPin, expect, openStaffPanel, PINS, setPin, staff, test } from './staff-helpers.js';

test.use({ kioskConfig: { kioskId: 'lockout' } });

test('after 5 wrong PINs the pad locks, with a live countdown, and set-pin lifts the lock', async ({ kiosk: page, server }) => {
  // Eleven PIN checks (scrypt) and a set-pin child process: over a minute on a busy 2-core machine.
  test.slow();
  const panel = await openStaffPanel(page);
  for (let left = 4; left >= 1; left--) {
    await enterPin(panel, '0000');
    await expect(staff.message(panel)).toHaveText(t(left === 1 ? 'pin.wrong_one' : 'pin.wrong_other', { count: left }));
  }
  await enterPin(panel, '0000');
  await expect(staff.message(panel)).toHaveText(t('pin.locked_other', { count: 60 }));

  // Locked: digits and Unlock are disabled (even the right PIN cannot be typed); Cancel still works.
  for (const digit of '0123456789') await expect(staff.key(panel, digit)).toBeDisabled();
  await expect(staff.key(panel, t('pin.unlock'))).toBeDisabled();
  await page.keyboard.type(PINS.staff);
  await page.keyboard.press('Enter');
  await expect(panel.getByText(t('pin.typed_other', { count: 0 }))).toBeAttached();
  await expect(staff.key(panel, t('pin.cancel'))).toBeEnabled();

  // The countdown is live.
  await expect(staff.message(panel)).toHaveText(/^Too many tries\. Try again in 5\d seconds\.$/);

  // Reopening the panel does not get round it: the kiosk still refuses while locked.
  await staff.key(panel, t('pin.cancel')).click();
  await openStaffPanel(page);
  await enterPin(panel, PINS.staff);
  await expect(staff.message(panel)).toHaveText(/^Too many tries\. Try again in \d+ seconds\.$/);

  // The operator sets the PIN again at the machine: the pad, open and locked, notices within seconds.
  await setPin(server, 'staff', PINS.staff);
  await expect(staff.key(panel, '1')).toBeEnabled({ timeout: 8_000 });
  await expect(staff.message(panel)).toHaveCount(0); // the countdown is gone
  await enterPin(panel, PINS.staff);
  await expect(panel.getByText(t('staff.role.staff'), { exact: true })).toBeVisible();
});
