/**
 * An unlocked panel left alone must not linger: after the idle time it closes and ends its staff
 * session, and the patient's screen underneath is neither warned about nor reset.
 * The kiosk runs with the idle specs' short timeout (5 s idle, 5 s countdown).
 */
import { expectTopic, t, ui } from './fixtures.js';
import { IDLE, RESET_WAIT_MS, warning } from './idle-helpers.js';
import { expect, staff, test, unlockAs } from './staff-helpers.js';

test.use({ kioskConfig: IDLE });

test('an open staff panel closes itself after the idle time and leaves the patient where they were', async ({ kiosk: page, content }) => {
  await ui.start(page).click();
  await ui.skip(page).click();
  await ui.next(page).click();
  await expectTopic(page, content.topics, 1);

  const panel = await unlockAs(page, 'staff');
  const lockCall = page.waitForRequest((request) => request.url().endsWith('/api/lockStaff'), { timeout: RESET_WAIT_MS });
  await expect(panel).toHaveCount(0, { timeout: RESET_WAIT_MS });
  await lockCall;
  // No warning was raised for the patient, who is still on the same topic.
  await expect(warning(page)).toHaveCount(0);
  await expectTopic(page, content.topics, 1);

  // Reopening asks for the PIN again.
  await staff.logo(page).waitFor();
  const again = await unlockAs(page, 'staff');
  await expect(again.getByText(t('staff.role.staff'), { exact: true })).toBeVisible();
});
