/**
 * First run: a kiosk with no PINs yet. The gesture opens the setup screen, which creates the staff
 * PIN and the admin PIN (each typed twice, and different) on the same pad; both then open the panel.
 * Its own kiosk (a config of its own gives it its own worker and data folder), with no PINs set.
 */
import { t, test } from './fixtures.js';
import { enterPin, expect, openStaffPanel, readDatabase, staff } from './staff-helpers.js';

test.use({ kioskConfig: { kioskId: 'first-run' } });

const STAFF_PIN = '1357';
const ADMIN_PIN = '86420';

test('first-run setup creates the staff PIN and the admin PIN, each typed twice', async ({ kiosk: page, server }) => {
  const panel = await openStaffPanel(page);
  await expect(panel.getByRole('heading', { name: t('setup.heading') })).toBeVisible();
  const step = (current: number) => panel.getByText(t('setup.step', { current, total: 4 }), { exact: true });
  const pad = (heading: Parameters<typeof t>[0]) => panel.getByRole('heading', { name: t(heading), exact: true });

  // The staff PIN, typed differently the second time: asked for again.
  await expect(step(1)).toBeVisible();
  await expect(pad('setup.staff')).toBeVisible();
  await enterPin(panel, STAFF_PIN, t('setup.next'));
  await expect(pad('setup.staffAgain')).toBeVisible();
  await enterPin(panel, '1358', t('setup.next'));
  await expect(staff.message(panel)).toHaveText(t('setup.mismatch'));
  await expect(pad('setup.staff')).toBeVisible();
  await enterPin(panel, STAFF_PIN, t('setup.next'));
  await enterPin(panel, STAFF_PIN, t('setup.next'));

  // The admin PIN may not be the staff PIN.
  await expect(step(3)).toBeVisible();
  await enterPin(panel, STAFF_PIN, t('setup.next'));
  await expect(staff.message(panel)).toHaveText(t('setup.sameAsStaff'));
  await expect(step(3)).toBeVisible();
  await enterPin(panel, ADMIN_PIN, t('setup.next'));
  await expect(pad('setup.adminAgain')).toBeVisible();
  await enterPin(panel, ADMIN_PIN, t('setup.save'));

  // Saved: the PIN pad, with a note; the credentials file holds hashes, never the PINs.
  await expect(panel.getByRole('heading', { name: t('pin.heading') })).toBeVisible();
  await expect(staff.message(panel)).toHaveText(t('pin.pinsSaved'));
  const stored = readDatabase(
    server,
    (db) => db.prepare("SELECT key, value FROM credentials WHERE key LIKE 'pin.%' ORDER BY key").all() as { key: string; value: string }[],
    'credentials.db',
  );
  expect(stored.map((row) => row.key)).toEqual(['pin.admin', 'pin.staff']);
  for (const { value } of stored) {
    expect(value).not.toContain(STAFF_PIN);
    expect(value).not.toContain(ADMIN_PIN);
  }

  // The staff PIN opens the staff view…
  await enterPin(panel, STAFF_PIN);
  await expect(panel.getByText(t('staff.role.staff'), { exact: true })).toBeVisible();
  await panel.getByRole('button', { name: t('dialog.close'), exact: true }).click();
  await expect(panel).toHaveCount(0);

  // …and from now on the gesture opens the PIN pad, where the admin PIN opens the admin view.
  await openStaffPanel(page);
  await expect(panel.getByRole('heading', { name: t('pin.heading') })).toBeVisible();
  await expect(panel.getByRole('heading', { name: t('setup.heading') })).toHaveCount(0);
  await enterPin(panel, ADMIN_PIN);
  await expect(panel.getByText(t('staff.role.admin'), { exact: true })).toBeVisible();
  await expect(staff.tab(panel, 'dashboard')).toBeVisible();
});
