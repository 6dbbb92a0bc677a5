/**
 * "Quit kiosk" asks first, and then really stops the kiosk: the browser shell's process exits
 * cleanly. It runs its own kiosk (not the worker's shared one, which must outlive its tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKioskServer, t, test, ui } from './fixtures.js';
import { expect, PINS, setPin, unlockAs } from './staff-helpers.js';

test('Quit kiosk asks first, and Yes stops the kiosk', async ({ page }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-kiosk-quit-'));
  const { server, child } = await startKioskServer(dataDir);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  try {
    await setPin(server, 'staff', PINS.staff);
    await setPin(server, 'admin', PINS.admin);
    await page.goto(server.kioskUrl);
    await expect(ui.start(page)).toBeVisible();
    const panel = await unlockAs(page, 'admin');
    const quit = panel.getByRole('region', { name: t('quit.heading') });

    // Asked first; "Keep running" changes nothing.
    await quit.getByRole('button', { name: t('quit.button'), exact: true }).click();
    await expect(quit.getByText(t('quit.confirm'))).toBeVisible();
    await quit.getByRole('button', { name: t('quit.no'), exact: true }).click();
    await expect(quit.getByText(t('quit.confirm'))).toHaveCount(0);
    expect(server.exitCode()).toBeNull();

    await quit.getByRole('button', { name: t('quit.button'), exact: true }).click();
    await quit.getByRole('button', { name: t('quit.yes'), exact: true }).click();
    await expect(quit.getByText(t('quit.quitting'))).toBeVisible();
    expect(await exited).toBe(0);
  } finally {
    if (server.exitCode() === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});
