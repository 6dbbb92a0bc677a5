/**
 * Admin settings on a kiosk of its own: a value the kiosk refuses is named next to its field;
 * saved settings persist (and the next bootstrap uses them); "Delete old feedback now" deletes
 * only old feedback that has been exported, and says how many.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Locator } from '@playwright/test';
import { t } from './fixtures.js';
import { expect, kioskClient, readDatabase, staff, test, unlockAs } from './staff-helpers.js';

test.use({ kioskConfig: { kioskId: 'settings-e2e' }, allowedConsoleErrors: [/status of 400 \(Bad Request\)/] });

const field = (section: Locator, label: Parameters<typeof t>[0]) =>
  section.getByRole('textbox', { name: t(label) }).or(section.getByRole('spinbutton', { name: t(label) }));

test('settings: field errors next to the field, saved values persist, and old synced feedback is deleted on demand', async ({ kiosk: page, server }) => {
  // Three feedback rows from last year, written into the kiosk's database: one synced, one only
  // exported, one neither.
  const lastYear = new Date(Date.now() - 400 * 24 * 3600 * 1000).toISOString();
  const [syncedId, exportedId, keptId] = [randomUUID(), randomUUID(), randomUUID()];
  const db = new Database(join(server.dataDir, 'kiosk.db'));
  const insert = db.prepare(
    "INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, synced_at, exported_at) VALUES (?, ?, 'settings-e2e', '1.0.0', 'en', ?, ?)",
  );
  insert.run(syncedId, lastYear, lastYear, null);
  insert.run(exportedId, lastYear, null, lastYear);
  insert.run(keptId, lastYear, null, null);
  db.close();

  let panel = await unlockAs(page, 'admin');
  await staff.tab(panel, 'settings').click();
  let section = staff.section(panel);
  await expect(field(section, 'settings.idleTimeoutSeconds')).toHaveValue('90');
  await expect(field(section, 'settings.kioskId')).toHaveValue('settings-e2e');
  await expect(field(section, 'settings.syncEndpoint')).toHaveValue('');
  await expect(section.getByRole('checkbox', { name: t('settings.retentionOn') })).not.toBeChecked();
  await expect(field(section, 'settings.retentionDays')).toBeDisabled();
  const save = section.getByRole('button', { name: t('settings.save'), exact: true });

  // The kiosk refuses a kiosk id with spaces, then a sync address that is no web address.
  await field(section, 'settings.kioskId').fill('front desk!');
  await save.click();
  await expect(field(section, 'settings.kioskId')).toHaveAttribute('aria-invalid', 'true');
  await expect(field(section, 'settings.kioskId')).toHaveAccessibleDescription(t('settings.error.kioskId'));
  await field(section, 'settings.kioskId').fill('front-desk-2');
  await field(section, 'settings.syncEndpoint').fill('not a web address');
  await save.click();
  await expect(field(section, 'settings.syncEndpoint')).toHaveAccessibleDescription(t('settings.error.syncEndpoint'));
  await expect(field(section, 'settings.kioskId')).toHaveAttribute('aria-invalid', 'false');
  await expect(section.getByText(t('settings.saved'))).toHaveCount(0);

  // Valid values save.
  await field(section, 'settings.syncEndpoint').fill('https://sync.example.org/kiosk');
  await field(section, 'settings.idleTimeoutSeconds').fill('120');
  await section.getByRole('checkbox', { name: t('settings.retentionOn') }).check();
  await field(section, 'settings.retentionDays').fill('30');
  await section.getByRole('checkbox', { name: t('settings.keepPartialFeedback') }).check();
  await save.click();
  await expect(section.getByText(t('settings.saved'), { exact: true })).toBeVisible();
  expect((await kioskClient(server).getBootstrap({})).session).toMatchObject({ idleTimeoutSeconds: 120, keepPartialFeedback: true });

  // Delete old feedback now: with a sync address set, only the synced one goes; the exported one
  // must still reach the collector, and the one that left neither way stays.
  await section.getByRole('button', { name: t('settings.deleteOld'), exact: true }).click();
  await expect(section.getByText(t('settings.deleted_one', { count: 1 }), { exact: true })).toBeVisible();
  const left = readDatabase(server, (read) => read.prepare('SELECT id FROM feedback WHERE id IN (?, ?, ?)').pluck().all(syncedId, exportedId, keptId));
  expect(new Set(left)).toEqual(new Set([exportedId, keptId]));

  // Closed and opened again, the panel shows what was saved.
  await panel.getByRole('button', { name: t('dialog.close'), exact: true }).click();
  panel = await unlockAs(page, 'admin');
  await expect(panel.getByRole('region', { name: t('status.heading') }).getByText('front-desk-2', { exact: true })).toBeVisible();
  await staff.tab(panel, 'settings').click();
  section = staff.section(panel);
  await expect(field(section, 'settings.kioskId')).toHaveValue('front-desk-2');
  await expect(field(section, 'settings.syncEndpoint')).toHaveValue('https://sync.example.org/kiosk');
  await expect(field(section, 'settings.idleTimeoutSeconds')).toHaveValue('120');
  await expect(field(section, 'settings.retentionDays')).toHaveValue('30');
  await expect(section.getByRole('checkbox', { name: t('settings.keepPartialFeedback') })).toBeChecked();
});
