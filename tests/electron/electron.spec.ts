/**
 * The Electron shell, launched for real with Playwright's `_electron` — where an Electron binary
 * AND Electron's build of the SQLite module (npm run rebuild:electron) are present. Both are found
 * with the app's own lookup (electronShellReadiness), which only reads files: requiring the
 * `electron` package would try to download a missing binary. Elsewhere every test here is skipped,
 * and the reason is printed and shown in the report.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronShellReadiness } from '../../electron/cli/commands.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const mainScript = join(repoRoot, 'dist', 'electron', 'electron-main', 'main.cjs');
const readiness = electronShellReadiness();

test.beforeEach(() => {
  if (readiness.ready) return;
  const reason = `The Electron shell cannot run here: ${readiness.reason}. These tests need the binary (npm's electron postinstall, or ELECTRON_OVERRIDE_DIST_PATH) and "npm run rebuild:electron".`;
  console.log(`[electron] SKIPPED — ${reason}`);
  test.skip(true, reason);
});

/** Starts the built main bundle on a fresh data folder; `use` gets the app, which is closed after. */
async function withKiosk(use: (app: ElectronApplication) => Promise<void>): Promise<void> {
  if (!readiness.ready) return;
  expect(existsSync(mainScript), `${mainScript} is missing: run "node scripts/build.mjs" first`).toBe(true);
  const dataDir = mkdtempSync(join(tmpdir(), 'clinic-kiosk-electron-'));
  const args = [mainScript, `--data-dir=${dataDir}`];
  // Chromium refuses to run as root with its OS sandbox (CI containers); Electron's renderer
  // sandbox (webPreferences.sandbox), which these tests check, does not depend on it.
  if (process.getuid?.() === 0) args.unshift('--no-sandbox');
  // No X or Wayland display (a headless CI runner): let Chromium draw off-screen.
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) args.unshift('--ozone-platform=headless');
  // Only the temp data folder, and no config file from the developer's machine.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[0] !== 'KIOSK_DATA_DIR' && entry[0] !== 'KIOSK_CONFIG',
    ),
  );
  const app = await electron.launch({ executablePath: readiness.binary, args, cwd: repoRoot, env, timeout: 30_000 });
  try {
    await use(app);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The page's visible text, read from the main process (it survives a renderer crash). */
const pageText = (app: ElectronApplication) =>
  app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.executeJavaScript('document.body.innerText') as Promise<string>);

test('the Electron shell shows the kiosk in a sandboxed, context-isolated window', async ({}, testInfo) => {
  // eslint-disable-line no-empty-pattern -- Playwright: no fixtures, only testInfo
  await withKiosk(async (app) => {
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: 'Start', exact: true })).toBeVisible({ timeout: 20_000 });
    await window.screenshot({ path: testInfo.outputPath('electron-welcome.png'), animations: 'disabled' });

    // The preload's bridge is there, and it works end to end over IPC.
    expect(await window.evaluate(() => typeof (window as { kioskApi?: { getBootstrap?: unknown } }).kioskApi?.getBootstrap)).toBe('function');
    const bootstrap = await window.evaluate(() =>
      (
        window as unknown as { kioskApi: { getBootstrap: (input: unknown) => Promise<{ ok: boolean; value?: { content?: { id?: string } } }> } }
      ).kioskApi.getBootstrap({}),
    );
    expect(bootstrap.ok).toBe(true);
    expect(bootstrap.value?.content?.id).toBe('ketamine-addiction');

    // Nothing of Node or Electron reaches the page.
    expect(
      await window.evaluate(() => ({
        require: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        module: typeof (globalThis as { module?: unknown }).module,
        Buffer: typeof (globalThis as { Buffer?: unknown }).Buffer,
      })),
    ).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });

    // The window was made with the hardened preferences (read back from the main process).
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      const contents = windows[0]?.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null } | undefined;
      const p = contents?.getLastWebPreferences?.() ?? null;
      return {
        windows: windows.length,
        preferences: p && {
          sandbox: p.sandbox,
          contextIsolation: p.contextIsolation,
          nodeIntegration: p.nodeIntegration,
          nodeIntegrationInSubFrames: p.nodeIntegrationInSubFrames,
          webviewTag: p.webviewTag,
          webSecurity: p.webSecurity,
        },
      };
    });
    expect(preferences.windows).toBe(1);
    expect(preferences.preferences).toEqual({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
    });
    // Served from the app's own origin, not file://.
    expect(window.url()).toMatch(/^app:\/\/kiosk\//);
  });
});

test('it runs in kiosk mode, stays on its page, and opens no windows', async () => {
  await withKiosk(async (app) => {
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: 'Start', exact: true })).toBeVisible({ timeout: 20_000 });
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.isKiosk())).toBe(true);

    // Count the navigations the main process saw, so the test waits on the refusal, not a clock.
    await app.evaluate(({ BrowserWindow }) => {
      const seen: string[] = [];
      (globalThis as { navigations?: string[] }).navigations = seen;
      BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (_event, url) => seen.push(url));
    });
    await window.evaluate(() => location.assign('https://example.com/'));
    await expect.poll(() => app.evaluate(() => (globalThis as { navigations?: string[] }).navigations ?? [])).toContain('https://example.com/');
    expect(window.url()).toMatch(/^app:\/\/kiosk\//);

    expect(await window.evaluate(() => globalThis.open('https://example.com/') === null)).toBe(true);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });
});

test('a crashed renderer is reloaded by itself', async () => {
  await withKiosk(async (app) => {
    const window = await app.firstWindow();
    await expect(window.getByRole('button', { name: 'Start', exact: true })).toBeVisible({ timeout: 20_000 });
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]!.webContents;
      contents.on('render-process-gone', () => ((globalThis as { crashes?: number }).crashes = ((globalThis as { crashes?: number }).crashes ?? 0) + 1));
      contents.forcefullyCrashRenderer();
    });
    await expect.poll(() => app.evaluate(() => (globalThis as { crashes?: number }).crashes ?? 0)).toBe(1);
    // The shared back-off reloads after 1 s; the welcome screen comes back.
    await expect.poll(() => pageText(app).catch(() => ''), { timeout: 20_000 }).toContain('Start');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.getURL())).toBe('app://kiosk/index.html');
  });
});
