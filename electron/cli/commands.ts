/** The long-running commands: `serve` and `start`. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { openKioskWindow, findChromium, hasDisplay } from '../browser-shell/open-window.js';
import { startBrowserShell } from '../browser-shell/server.js';
import { startKioskCore } from '../node/kiosk-core.js';
import { createLogger } from '../node/log/logger.js';
import { appRoot, rendererDir, resolveDataDir } from '../node/paths.js';
import { findElectronBinary } from './electron-binary.js';

interface CommonOptions {
  port: number;
  dataDir: string | undefined;
}

/**
 * Starts the core and the loopback server; returns a function that stops both, and a way to change
 * what an admin's "quit" does (by default: stop and exit).
 */
async function bringUpBrowserShell({ port, dataDir: explicitDir }: CommonOptions) {
  const dataDir = resolveDataDir(explicitDir);
  const logger = createLogger(dataDir);
  // The core needs `quit` before the server (and so `stop`) exists; it is called only later.
  let quit: () => void = () => void stop().then(() => process.exit(0));
  const core = startKioskCore({ dataDir, logger, shell: { servesDownloads: true, quit: () => quit() } });
  const shell = await startBrowserShell({ api: core.api, rendererDir, logger, port, downloads: core.downloads });
  logger.info({ origin: shell.origin, dataDir }, 'browser shell listening');
  const stop = async () => {
    await shell.close();
    core.close();
    logger.flush();
  };
  const onQuit = (handler: () => void) => {
    quit = handler;
  };
  return { shell, dataDir, stop, onQuit };
}

function stopOnSignals(stop: () => Promise<void>): void {
  const handler = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

export async function runServe(options: CommonOptions): Promise<number> {
  const { shell, dataDir, stop } = await bringUpBrowserShell(options);
  process.stdout.write(`Kiosk ready at ${shell.origin}\n`);
  process.stdout.write(`Open the kiosk (this launch's API token is in the link): ${shell.kioskUrl}\n`);
  process.stdout.write(`Data folder: ${dataDir}\n`);
  stopOnSignals(stop);
  return 0;
}

export async function runStart(options: CommonOptions & { shell: 'electron' | 'browser' | undefined }): Promise<number> {
  const electron = findElectronBinary();
  if (options.shell !== 'browser' && electron.found) {
    process.stdout.write(`Starting the Electron shell (${electron.binary}).\n`);
    const args = [join(appRoot, 'dist', 'electron', 'electron-main', 'main.cjs')];
    if (options.dataDir) args.push(`--data-dir=${options.dataDir}`);
    const child = spawn(electron.binary, args, { stdio: 'inherit' });
    return new Promise((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  }
  if (options.shell === 'electron') {
    process.stderr.write(`Cannot start the Electron shell: ${electron.found ? '' : electron.reason}.\n`);
    return 1;
  }
  const why = options.shell === 'browser' ? 'asked for with --shell browser' : electron.found ? '' : electron.reason;
  process.stdout.write(`Starting the browser shell, because ${why}.\n`);

  const { shell, dataDir, stop, onQuit } = await bringUpBrowserShell(options);
  process.stdout.write(`Kiosk ready at ${shell.origin}\n`);
  stopOnSignals(stop);

  const chromium = findChromium();
  if (!chromium || !hasDisplay()) {
    const missing = !chromium ? 'no Chromium was found (set KIOSK_CHROMIUM to its path)' : 'there is no display (DISPLAY is not set)';
    process.stdout.write(`Not opening a window: ${missing}. Open this link in a browser on this machine:\n  ${shell.kioskUrl}\n`);
    return 0;
  }
  process.stdout.write(`Opening ${chromium} in kiosk mode. Close the window to stop the kiosk.\n`);
  const window = openKioskWindow(chromium, shell.kioskUrl, dataDir);
  window.on('exit', () => void stop().then(() => process.exit(0)));
  // An admin's quit closes the window; its exit then stops the kiosk as above.
  onQuit(() => window.kill());
  return 0;
}
