/**
 * The Electron shell's main process: a locked-down, self-healing full-screen window on the shared
 * kiosk core. Everything the kiosk *does* lives in electron/node; this file only wires it to
 * Electron. Vite bundles it to dist/electron/electron-main/main.cjs (vite.electron.config.ts).
 */
import { app, BrowserWindow, dialog, Menu, powerSaveBlocker, session } from 'electron';
import { join } from 'node:path';
import { startKioskCore } from '../node/kiosk-core.js';
import { createLogger, type Logger } from '../node/log/logger.js';
import { appRoot, PRODUCT_NAME, rendererDir, resolveDataDir } from '../node/paths.js';
import { msUntilLocalHour } from '../node/quiet-hour.js';
import { NATIVE_MODULE_EXIT_CODE, NativeModuleError, sqliteBindingFor, useSqliteBinding } from '../node/storage/native-binding.js';
import { registerAppScheme, serveRenderer } from './app-protocol.js';
import { parseMainFlags, type MainFlags } from './flags.js';
import { registerIpcTransport } from './ipc-transport.js';
import { lockDownContents } from './lockdown.js';
import { relaunchOnUncaughtException, type Relauncher } from './relaunch.js';
import { keepPageAlive } from './self-healing.js';
import { electronShell } from './shell-capabilities.js';

const preloadFile = join(__dirname, '..', 'electron-preload', 'preload.cjs');

let kioskWindow: BrowserWindow | null = null;

function run(flags: MainFlags, relauncher: Relauncher): void {
  app.enableSandbox();
  registerAppScheme();
  // Without this the default menu's shortcuts (close, reload, zoom, full screen, quit) stay live.
  Menu.setApplicationMenu(null);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, flags.dev));
  app.on('second-instance', () => {
    if (!kioskWindow || kioskWindow.isDestroyed()) return;
    if (kioskWindow.isMinimized()) kioskWindow.restore();
    kioskWindow.show();
    kioskWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  // A failure while starting is thrown again outside the promise, so it is an uncaught exception:
  // logged and relaunched with the back-off (relaunch.ts), not a silent rejection with no window.
  app
    .whenReady()
    .then(() => start(flags, relauncher))
    .catch((error: unknown) =>
      setImmediate(() => {
        throw error;
      }),
    );
}

function start(flags: MainFlags, relauncher: Relauncher): void {
  const dataDir = resolveDataDir(flags.dataDir ?? process.env.KIOSK_DATA_DIR ?? app.getPath('userData'));
  const logger = createLogger(dataDir);
  relauncher.useDataDir(dataDir, logger);

  try {
    useSqliteBinding(sqliteBindingFor(appRoot));
  } catch (error) {
    if (!(error instanceof NativeModuleError)) throw error;
    return cannotLoadSqlite(error, logger);
  }
  const core = startKioskCore({ dataDir, logger, shell: electronShell(() => kioskWindow) });
  app.on('before-quit', () => core.close());

  // The kiosk never needs the camera, notifications, geolocation or anything else a page may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(rendererDir, logger);
  registerIpcTransport(core.api, () => kioskWindow?.webContents, logger);

  powerSaveBlocker.start('prevent-display-sleep');
  if (process.platform === 'win32' && app.isPackaged) app.setLoginItemSettings({ openAtLogin: true });
  if (core.config.dailyRestartHour !== undefined) restartDailyAt(core.config.dailyRestartHour, logger);

  const window = new BrowserWindow({
    kiosk: !flags.dev,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#f7f3ee',
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      // A middle click would open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      // Only with the explicit --dev switch, never merely because the app runs unpackaged.
      devTools: flags.dev,
      preload: preloadFile,
    },
  });
  kioskWindow = window;
  window.once('ready-to-show', () => window.show());
  keepPageAlive(window, logger).load();
}

/** One clear line, then out: `clinic-kiosk start` sees the exit code and runs the browser shell. */
function cannotLoadSqlite(error: NativeModuleError, logger: Logger): void {
  const line = `${error.message}. Build it with "npm run rebuild:electron" (needs internet), or use the browser shell.`;
  logger.fatal(line);
  process.stderr.write(`${line}\n`);
  // A packaged app has no browser shell to fall back to: say so on screen before leaving.
  if (app.isPackaged) dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, `${line}\n\nPlease let the clinic's IT support know.`);
  app.exit(NATIVE_MODULE_EXIT_CODE);
}

/** An optional fresh start every day at a quiet hour (config `dailyRestartHour`). */
function restartDailyAt(hour: number, logger: Logger): void {
  setTimeout(
    () => {
      logger.info({ hour }, 'daily restart');
      app.relaunch();
      app.exit(0);
    },
    msUntilLocalHour(new Date(), hour),
  ).unref();
}

// First of all, so that any later error (finding the data folder, opening the log) relaunches too.
const relauncher = relaunchOnUncaughtException();
const flags = parseMainFlags(process.argv);
// Before ready: an unpackaged run is otherwise named "Electron", with its data in <appData>/Electron,
// where `set-pin` and `export` would never look.
app.setName(PRODUCT_NAME);
app.setPath('userData', join(app.getPath('appData'), PRODUCT_NAME));
// A second kiosk leaves at once; the first brings its window to the front (second-instance above).
if (app.requestSingleInstanceLock()) run(flags, relauncher);
else app.exit(0);
