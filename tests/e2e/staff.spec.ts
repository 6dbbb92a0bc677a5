/**
 * Staff access on the real kiosk: the hidden gesture on the clinic logo, the PIN pad, what front-desk
 * staff can do (End session, read the status, close) and what they cannot (the admin sections).
 * PINs are set with the real CLI (`clinic-kiosk set-pin`) before the first test of each worker.
 */
import { expectNoA11yViolations } from './a11y.js';
import { expectTopic, expectWelcome, t, ui } from './fixtures.js';
import { expectNoTraceOf, freshWelcomeText, leaveTracesAndWalkAway } from './idle-helpers.js';
import { enterPin, expect, openStaffPanel, PINS, staff, tapLogo, test, unlockAs } from './staff-helpers.js';

test.describe('the hidden gesture', () => {
  test('the logo looks like a logo: no button, no focus stop, nothing to press', async ({ kiosk: page }) => {
    const logo = staff.logo(page);
    await expect(logo).toBeVisible();
    const banner = page.getByRole('banner');
    // The only buttons in the top bar are the patient's own controls.
    await expect(banner.getByRole('button', { name: /logo|staff/i })).toHaveCount(0);
    const corner = logo.locator('xpath=..');
    expect(await corner.evaluate((el) => ({ role: el.getAttribute('role'), tabIndex: el.tabIndex, cursor: getComputedStyle(el).cursor }))).toEqual({
      role: null,
      tabIndex: -1,
      cursor: 'auto',
    });
  });

  test('5 quick taps open the panel; 4 taps do not', async ({ kiosk: page }) => {
    await page.clock.install();
    await tapLogo(page, 4);
    // Nothing happens until the 5th tap, however long one waits.
    await page.clock.fastForward(10_000);
    await expect(staff.panel(page)).toHaveCount(0);
    await tapLogo(page, 5);
    await expect(staff.panel(page)).toBeVisible();
  });

  test('taps spread over more than 3 seconds do not open the panel', async ({ kiosk: page }) => {
    await page.clock.install();
    for (let tap = 0; tap < 8; tap++) {
      await tapLogo(page, 1);
      await page.clock.fastForward(800);
    }
    await expect(staff.panel(page)).toHaveCount(0);
    await expect(ui.start(page)).toBeVisible();
  });
});

test.describe('the PIN pad', () => {
  test('has digit buttons named "0"–"9", masks the PIN, and says calmly when a PIN is wrong', async ({ kiosk: page }) => {
    const panel = await openStaffPanel(page);
    for (const digit of '0123456789') await expect(staff.key(panel, digit)).toBeVisible();
    await expect(staff.key(panel, t('pin.delete'))).toBeDisabled();
    await expect(staff.key(panel, t('pin.unlock'))).toBeDisabled();

    // Typed digits show as dots only; Delete takes the last one back.
    for (const digit of '2461') await staff.key(panel, digit).click();
    await expect(panel.getByText(t('pin.typed_other', { count: 4 }))).toBeAttached();
    await staff.key(panel, t('pin.delete')).click();
    await expect(panel.getByText(t('pin.typed_other', { count: 3 }))).toBeAttached();
    expect(await panel.textContent()).not.toContain('246');

    // 2-4-6 and then 9 is a wrong PIN: a calm message with the tries left, and the pad is clear again.
    await staff.key(panel, '9').click();
    await staff.key(panel, t('pin.unlock')).click();
    await expect(staff.message(panel)).toHaveText(/^That PIN did not work\. \d tries? left\.$/);
    await expect(panel.getByText(t('pin.typed_other', { count: 0 }))).toBeAttached();

    // The right PIN on the buttons opens the staff view.
    await enterPin(panel, PINS.staff);
    await expect(panel.getByText(t('staff.role.staff'), { exact: true })).toBeVisible();
  });

  test('the keyboard works too: digits, Backspace and Enter', async ({ kiosk: page, pins }) => {
    const panel = await openStaffPanel(page);
    await page.keyboard.type(`${pins.admin}7`);
    await page.keyboard.press('Backspace');
    await page.keyboard.press('Enter');
    await expect(panel.getByText(t('staff.role.admin'), { exact: true })).toBeVisible();
  });

  test('Cancel (or Escape) closes the pad and leaves the patient where they were', async ({ kiosk: page, content }) => {
    await ui.start(page).click();
    await ui.skip(page).click();
    await ui.next(page).click();
    await expectTopic(page, content.topics, 1);
    const panel = await openStaffPanel(page);
    await staff.key(panel, t('pin.cancel')).click();
    await expect(panel).toHaveCount(0);
    await expectTopic(page, content.topics, 1);
    await openStaffPanel(page);
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expectTopic(page, content.topics, 1);
  });

  test('passes axe (WCAG 2.2 AA)', async ({ kiosk: page }) => {
    const panel = await openStaffPanel(page);
    await staff.key(panel, '1').click();
    await expectNoA11yViolations(page);
  });
});

test.describe('staff', () => {
  test('End session mid-journey returns to the welcome screen with no trace of the patient', async ({ kiosk: page, content, server }) => {
    const historyBefore = await page.evaluate(() => history.length);
    const reference = await freshWelcomeText(page, server.kioskUrl);
    const comment = 'words the next patient must never see';
    await leaveTracesAndWalkAway(page, comment);
    // The patient came back to close the disclaimer, and walked away for good.
    await ui.close(page.getByRole('dialog').first()).click();

    const panel = await unlockAs(page, 'staff');
    await panel.getByRole('button', { name: t('staff.endSession'), exact: true }).click();
    await expect(panel).toHaveCount(0);
    await expectWelcome(page, content.pack);
    await expectNoTraceOf(page, { reference, historyBefore, comment });
  });

  test('sees the status and no admin section, and Close returns to the patient screen', async ({ kiosk: page, content }) => {
    await ui.start(page).click();
    await ui.skip(page).click();
    await expectTopic(page, content.topics, 0);

    const panel = await unlockAs(page, 'staff');
    const status = panel.getByRole('region', { name: t('status.heading') });
    for (const label of ['status.feedbackToday', 'status.feedbackTotal', 'status.unsynced', 'status.lastSync', 'status.content'] as const) {
      await expect(status.getByRole('term').filter({ hasText: t(label) })).toBeVisible();
    }
    await expect(
      status.getByRole('definition').filter({ hasText: new RegExp(`^${content.pack.id}, version ${content.pack.version.replaceAll('.', '\\.')}`) }),
    ).toBeVisible();
    await expect(status.getByText(t('status.never'), { exact: true })).toBeVisible();

    // No way into the admin sections, and no Quit.
    await expect(panel.getByRole('tablist')).toHaveCount(0);
    for (const section of ['dashboard', 'export', 'sync', 'settings'] as const)
      await expect(panel.getByRole('tab', { name: t(`admin.${section}`) })).toHaveCount(0);
    await expect(panel.getByRole('button', { name: t('quit.button') })).toHaveCount(0);
    await expect(panel.getByRole('heading', { name: t('dashboard.heading') })).toHaveCount(0);

    await panel.getByRole('button', { name: t('dialog.close'), exact: true }).click();
    await expect(panel).toHaveCount(0);
    await expectTopic(page, content.topics, 0);
  });

  test('the staff view passes axe (WCAG 2.2 AA)', async ({ kiosk: page }) => {
    const panel = await unlockAs(page, 'staff');
    await expect(panel.getByText(t('status.noIncidents'))).toBeVisible();
    await expectNoA11yViolations(page);
  });
});
