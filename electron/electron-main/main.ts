/**
 * The Electron shell's main process: a hardened full-screen window on the shared kiosk core.
 * Everything the kiosk *does* lives in electron/node; this file only wires it to Electron.
 */
import { app, BrowserWindow, session } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startKioskCore } from '../node/kiosk-core.js';
import { createLogger } from '../node/log/logger.js';
import { rendererDir, resolveDataDir } from '../node/paths.js';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './app-protocol.js';
import { registerIpcTransport } from './ipc-transport.js';
import { electronShell } from './shell-capabilities.js';

const preloadFile = join(fileURLToPath(new URL('.', import.meta.url)), '..', 'electron-preload', 'preload.cjs');
const dataDirFlag = process.argv.find((arg) => arg.startsWith('--data-dir='))?.slice('--data-dir='.length);

app.enableSandbox();
registerAppScheme();
if (!app.requestSingleInstanceLock()) app.quit();

let kioskWindow: BrowserWindow | null = null;

app.whenReady().then(() => {
  const dataDir = resolveDataDir(dataDirFlag ?? process.env.KIOSK_DATA_DIR ?? app.getPath('userData'));
  const logger = createLogger(dataDir);
  const core = startKioskCore({ dataDir, logger, shell: electronShell(() => kioskWindow) });

  // The kiosk never needs the camera, notifications, geolocation or anything else a page may ask for.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  serveRenderer(rendererDir);
  registerIpcTransport(core.api, () => kioskWindow?.webContents, logger);

  kioskWindow = new BrowserWindow({
    kiosk: app.isPackaged,
    fullscreen: true,
    autoHideMenuBar: true,
    backgroundColor: '#f7f3ee',
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !app.isPackaged,
      preload: preloadFile,
    },
  });
  kioskWindow.once('ready-to-show', () => kioskWindow?.show());
  void kioskWindow.loadURL(`${APP_ORIGIN}/index.html`);

  app.on('before-quit', () => core.close());
});

// No page of ours opens windows or navigates away; anything that tries is refused.
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => app.quit());
