/**
 * A kiosk that had PINs once but has none now (its database was damaged and set aside, and its
 * credentials with it): the touch screen must not offer setup, and says calmly who can help.
 * Its own kiosk (own worker and data folder). The set-aside file stands in for a real quarantine,
 * which the unit tests make (tests/unit/staff/credentials.test.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { t, test } from './fixtures.js';
import { expect, openStaffPanel, setPin, staff } from './staff-helpers.js';

test.use({ kioskConfig: { kioskId: 'operator-only' } });

test('after a quarantine the panel offers no setup, only a note to ask the operator', async ({ kiosk: page, server }) => {
  writeFileSync(join(server.dataDir, 'kiosk.db.corrupt-2026-11-29T10-00-00-000Z'), '');
  const panel = await openStaffPanel(page);
  await expect(panel.getByText(t('staff.needsOperator'))).toBeVisible();
  await expect(panel.getByRole('heading', { name: t('setup.heading') })).toHaveCount(0);
  await expect(staff.key(panel, '1')).toHaveCount(0);
  await panel.getByRole('button', { name: t('dialog.close'), exact: true }).click();
  await expect(panel).toHaveCount(0);

  // The operator's set-pin brings the PIN pad back.
  await setPin(server, 'staff', '1357');
  await setPin(server, 'admin', '86420');
  await openStaffPanel(page);
  await expect(panel.getByRole('heading', { name: t('pin.heading') })).toBeVisible();
});
