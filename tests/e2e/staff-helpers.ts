/**
 * Shared by the staff and admin specs: PINs set the operator's way (the real CLI), the hidden
 * gesture, the PIN pad driven by its "0"–"9" buttons, and feedback seeded over the real HTTP API.
 *
 * `test` here is the fixtures' test plus an automatic worker fixture, `pins`: both PINs are set on
 * the worker's kiosk before its first test. (`set-pin` also lifts any lock-out.)
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { createApiClient } from '../../electron/common/api/client.js';
import type { KioskClient } from '../../electron/common/api/contract.js';
import type { ApiResult } from '../../electron/common/api/errors.js';
import { httpPath } from '../../electron/common/api/methods.js';
import type { StaffRole } from '../../electron/common/api/staff.js';
import type { FeedbackSubmissionInput } from '../../electron/common/feedback/schema.js';
import { expect, repoRoot, t, test as base, type KioskServer } from './fixtures.js';

export { expect };

export const PINS: Record<StaffRole, string> = { staff: '2468', admin: '975310' };

/** `echo PIN | clinic-kiosk set-pin ROLE --data-dir DIR`, against the running kiosk's data folder. */
export async function setPin(server: KioskServer, role: StaffRole, pin: string): Promise<void> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin', 'clinic-kiosk.js'), 'set-pin', role, '--data-dir', server.dataDir], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stdin.end(`${pin}\n`);
  const code = await new Promise<number | null>((resolve, reject) => child.once('exit', resolve).once('error', reject));
  expect(code, `clinic-kiosk set-pin ${role} said:\n${output}`).toBe(0);
}

export const test = base.extend<object, { pins: Record<StaffRole, string> }>({
  pins: [
    async ({ server }, use) => {
      await setPin(server, 'staff', PINS.staff);
      await setPin(server, 'admin', PINS.admin);
      await use(PINS);
    },
    { scope: 'worker', auto: true },
  ],
});

// ---------------------------------------------------------------------------------------------
// The panel, found as staff (and screen readers) find it

export const staff = {
  logo: (page: Page) => page.getByRole('banner').getByRole('img', { name: /logo$/ }),
  panel: (page: Page) => page.getByRole('dialog', { name: t('staff.title'), exact: true }),
  key: (panel: Locator, name: string) => panel.getByRole('button', { name, exact: true }),
  message: (panel: Locator) => panel.getByRole('status').filter({ hasText: /\S/ }),
  tab: (panel: Locator, section: 'status' | 'dashboard' | 'export' | 'sync' | 'settings') =>
    panel.getByRole('tab', { name: t(`admin.${section}`), exact: true }),
  section: (panel: Locator) => panel.getByRole('tabpanel'),
};

/**
 * Taps the middle of the clinic logo `times` times, as quickly as a finger would. (Real pointer
 * events at the logo's place; not locator.click(), whose checks before every click can take a
 * second each on a busy machine and so spread five taps past the gesture's 3 seconds.)
 */
export async function tapLogo(page: Page, times: number): Promise<void> {
  const box = await staff.logo(page).boundingBox();
  if (!box) throw new Error('the clinic logo is not on the screen');
  for (let tap = 0; tap < times; tap++) await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The hidden gesture: 5 quick taps on the logo. Returns the panel, once it shows its PIN pad (or first-run setup). */
export async function openStaffPanel(page: Page): Promise<Locator> {
  await tapLogo(page, 5);
  const panel = staff.panel(page);
  await expect(panel).toBeVisible();
  await expect(panel.getByText(t('staff.loading'))).toHaveCount(0);
  return panel;
}

/** Types a PIN on the pad's own buttons ("0"–"9"), then presses `submit` (Unlock by default). */
export async function enterPin(panel: Locator, pin: string, submit = t('pin.unlock')): Promise<void> {
  for (const digit of pin) await staff.key(panel, digit).click();
  await staff.key(panel, submit).click();
}

/** Opens the panel and unlocks it with the role's PIN; returns the panel, showing that role's view. */
export async function unlockAs(page: Page, role: StaffRole): Promise<Locator> {
  const panel = await openStaffPanel(page);
  await expect(panel.getByRole('heading', { name: t('pin.heading') })).toBeVisible();
  await enterPin(panel, PINS[role]);
  await expect(panel.getByText(t(`staff.role.${role}`), { exact: true })).toBeVisible();
  return panel;
}

// ---------------------------------------------------------------------------------------------
// Feedback, seeded and read back for real

/** The kiosk's own API client, speaking HTTP to the worker's server with this launch's token. */
export function kioskClient(server: KioskServer): KioskClient {
  return createApiClient(async (method, input) => {
    const response = await fetch(new URL(httpPath(method), server.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kiosk-token': server.token },
      body: JSON.stringify(input),
    });
    return (await response.json()) as ApiResult<unknown>;
  });
}

/** A feedback submission as the patient UI sends it, with the given answers. */
export function submission(answers: Partial<FeedbackSubmissionInput> = {}): FeedbackSubmissionInput {
  return {
    id: randomUUID(),
    locale: 'en',
    contentVersion: '1.0.0',
    worryBefore: null,
    worryAfter: null,
    topicHelpful: {},
    overallHelpfulness: null,
    answeredQuestions: null,
    comment: null,
    ...answers,
  };
}

/** Runs `work` on a read-only connection of our own to the kiosk's database file. */
/** Reads the kiosk's feedback database, or another of its SQLite files (`credentials.db`). */
export function readDatabase<T>(server: KioskServer, work: (db: Database.Database) => T, file = 'kiosk.db'): T {
  const db = new Database(join(server.dataDir, file), { readonly: true });
  try {
    return work(db);
  } finally {
    db.close();
  }
}
