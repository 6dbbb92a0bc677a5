/**
 * The admin's Sync section in the real browser shell: an http address that is not this computer
 * is refused at settings time; "Sync now" before any of it says sync is not set up; the token is
 * write-only and checked; "Sync now" with the collector
 * unreachable says so calmly, keeps every row pending and shows the problem. (The collector
 * itself, with PostgreSQL, is tested in tests/sync.)
 */
import type { Locator } from '@playwright/test';
import { expectNoA11yViolations } from './a11y.js';
import { freePort } from '../sync/postgres-server.js';
import { t } from './fixtures.js';
import { expect, kioskClient, readDatabase, staff, submission, test, unlockAs } from './staff-helpers.js';

test.use({ kioskConfig: { kioskId: 'sync-e2e' }, allowedConsoleErrors: [/status of 400 \(Bad Request\)/] });

const figure = (section: Locator, label: Parameters<typeof t>[0]) =>
  section
    .getByRole('term')
    .filter({ hasText: t(label) })
    .locator('xpath=following-sibling::dd[1]');

test('sync: https rule at settings time, write-only token, Sync now while the collector is unreachable', async ({ kiosk: page, server }) => {
  const client = kioskClient(server);
  for (let i = 0; i < 3; i++) await client.submitFeedback(submission());

  const panel = await unlockAs(page, 'admin');
  // Not set up yet: Sync now says so, and so does the last problem.
  await staff.tab(panel, 'sync').click();
  let section = staff.section(panel);
  await section.getByRole('button', { name: t('sync.now') }).click();
  await expect(section.getByText(t('sync.nowNotConfigured'))).toBeVisible();
  await expect(figure(section, 'sync.lastError')).toContainText('sync is not set up: no sync address is set');

  await staff.tab(panel, 'settings').click();
  section = staff.section(panel);
  const endpoint = section.getByRole('textbox', { name: t('settings.syncEndpoint') });
  await endpoint.fill('http://collector.clinic.example/');
  await section.getByRole('button', { name: t('settings.save'), exact: true }).click();
  await expect(endpoint).toHaveAccessibleDescription(t('settings.error.syncEndpoint'));
  await endpoint.fill(`http://127.0.0.1:${await freePort()}/`);
  await section.getByRole('button', { name: t('settings.save'), exact: true }).click();
  await expect(section.getByText(t('settings.saved'), { exact: true })).toBeVisible();

  await staff.tab(panel, 'sync').click();
  section = staff.section(panel);
  await expect(figure(section, 'sync.token')).toHaveText(t('sync.tokenNone'));
  await expect(figure(section, 'sync.pending')).toHaveText('3');
  const tokenField = section.getByLabel(t('sync.tokenLabel'));
  await tokenField.fill('too short');
  await section.getByRole('button', { name: t('sync.tokenSave') }).click();
  await expect(tokenField).toHaveAccessibleDescription(t('sync.tokenInvalid'));
  const token = 'k'.repeat(40);
  await tokenField.fill(token);
  await section.getByRole('button', { name: t('sync.tokenSave') }).click();
  await expect(section.getByText(t('sync.tokenSaved'))).toBeVisible();
  await expect(tokenField).toHaveValue('');
  await expect(figure(section, 'sync.token')).toHaveText(t('sync.tokenSet'));
  await expect(page.content()).resolves.not.toContain(token);

  await section.getByRole('button', { name: t('sync.now') }).click();
  await expect(section.getByText(t('sync.nowRetry', { sent: 3, acknowledged: 0 }))).toBeVisible();
  await expect(figure(section, 'sync.lastError')).toContainText('could not be reached');
  await expect(figure(section, 'sync.pending')).toHaveText('3');
  await expect(figure(section, 'sync.lastSuccess')).toHaveText(t('status.never'));
  await expectNoA11yViolations(page, '[role="tabpanel"]');
  expect(readDatabase(server, (db) => db.prepare('SELECT count(*) FROM feedback WHERE synced_at IS NOT NULL').pluck().get())).toBe(0);
});
