/**
 * An unlocked panel left alone must not linger: after the idle time it closes and ends its staff
 * session, and the patient's screen underneath is neither warned about nor reset.
 * The kiosk runs on its default idle time, on Playwright's clock (see idle-helpers.ts).
 */
import { expectTopic, t, ui } from './fixtures.js';
import { idleTimePasses, onPlaywrightClock, warning } from './idle-helpers.js';
import { expect, staff, test as staffTest, unlockAs } from './staff-helpers.js';

const test = staffTest.extend(onPlaywrightClock);

test('an open staff panel closes itself after the idle time and leaves the patient where they were', async ({ kiosk: page, content }) => {
  await ui.start(page).click();
  await ui.skip(page).click();
  await ui.next(page).click();
  await expectTopic(page, content.topics, 1);

  const panel = await unlockAs(page, 'staff');
  const lockCall = page.waitForRequest((request) => request.url().endsWith('/api/lockStaff'));
  await expect(panel).toBeVisible();
  await idleTimePasses(page);
  await expect(panel).toHaveCount(0);
  await lockCall;
  // No warning was raised for the patient, who is still on the same topic.
  await expect(warning(page)).toHaveCount(0);
  await expectTopic(page, content.topics, 1);

  // Reopening asks for the PIN again.
  await staff.logo(page).waitFor();
  const again = await unlockAs(page, 'staff');
  await expect(again.getByText(t('staff.role.staff'), { exact: true })).toBeVisible();
});
