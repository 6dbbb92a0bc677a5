/** The long-running commands: `serve` and `start`. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { superviseChromium } from '../node-browser-shell/chromium-supervisor.js';
import { findChromium, hasDisplay } from '../node-browser-shell/open-window.js';
import { startBrowserShell } from '../node-browser-shell/server.js';
import { startKioskCore } from '../node-core/kiosk-core.js';
import { createKioskLog } from '../node-core/log/logger.js';
import { appRoot, rendererDir, resolveDataDir } from '../node-core/paths.js';
import { electronBindingFile, NATIVE_MODULE_EXIT_CODE } from '../node-core/storage/native-binding.js';
import { findElectronBinary } from './electron-binary.js';

type ElectronReadiness = { ready: true; binary: string } | { ready: false; reason: string };

/**
 * Electron runs only with its binary AND its own build of the SQLite module (see native-binding.ts).
 * KIOSK_ELECTRON_SQLITE names another file for `start` to look for instead (tests): only this check
 * reads it; Electron's main process never loads native code a variable names.
 */
export function electronShellReadiness(env: NodeJS.ProcessEnv = process.env): ElectronReadiness {
  const lookup = findElectronBinary(env);
  if (!lookup.found) return { ready: false, reason: lookup.reason };
  const binding = env.KIOSK_ELECTRON_SQLITE || electronBindingFile(appRoot);
  if (!existsSync(binding))
    return { ready: false, reason: `the SQLite module is not built for Electron (${binding} is missing; "npm run rebuild:electron" makes it, with internet)` };
  return { ready: true, binary: lookup.binary };
}

function runElectron(binary: string, dataDir: string | undefined, dev: boolean): Promise<number> {
  const args = [join(appRoot, 'dist', 'electron', 'electron-main', 'main.cjs')];
  if (dataDir) args.push(`--data-dir=${dataDir}`);
  if (dev) args.push('--dev');
  const child = spawn(binary, args, { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

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
  const { logger, file: logFile } = createKioskLog(dataDir);
  // The core needs `quit` before the server (and so `stop`) exists; it is called only later.
  let quit: () => void = () => void stop().then(() => process.exit(0));
  const core = startKioskCore({ dataDir, logger, shell: { servesDownloads: true, quit: () => quit() } });
  const shell = await startBrowserShell({ api: core.api, rendererDir, logger, port, downloads: core.downloads });
  logger.info({ origin: shell.origin, dataDir }, 'browser shell listening');
  const stop = async () => {
    await shell.close();
    core.close();
    await logFile.close();
  };
  const onQuit = (handler: () => void) => {
    quit = handler;
  };
  return { shell, dataDir, stop, onQuit, logger };
}

function stopOnSignals(stop: () => Promise<void>): void {
  const handler = () => void stop().then(() => process.exit(0));
  process.once('SIGINT', handler);
  process.once('SIGTERM', handler);
}

export async function runServe(options: CommonOptions): Promise<number> {
  const { shell, dataDir, stop } = await bringUpBrowserShell(options);
  // The whole link, token included: the address alone shows only a notice that it needs this link.
  process.stdout.write(`Kiosk ready at ${shell.kioskUrl}\n`);
  process.stdout.write(`  (open the whole link: the part after # is this launch's key to the kiosk; ${shell.origin} alone shows only a notice)\n`);
  process.stdout.write(`Data folder: ${dataDir}\n`);
  stopOnSignals(stop);
  return 0;
}

export async function runStart(options: CommonOptions & { shell: 'electron' | 'browser' | undefined; dev?: boolean }): Promise<number> {
  const electron = electronShellReadiness();
  if (options.shell !== 'browser' && electron.ready) {
    process.stdout.write(`Starting the Electron shell (${electron.binary}).\n`);
    const code = await runElectron(electron.binary, options.dataDir, options.dev ?? false);
    if (code !== NATIVE_MODULE_EXIT_CODE) return code;
    // The shell said why in one line already; the kiosk must still come up.
    if (options.shell === 'electron') return code;
    process.stdout.write('Starting the browser shell instead, because the Electron shell could not load its SQLite module.\n');
  } else if (options.shell === 'electron') {
    process.stderr.write(`Cannot start the Electron shell: ${electron.ready ? '' : electron.reason}.\n`);
    return 1;
  } else {
    const why = options.shell === 'browser' ? 'asked for with --shell browser' : electron.ready ? '' : electron.reason;
    process.stdout.write(`Starting the browser shell, because ${why}.\n`);
  }

  const { shell, dataDir, stop, onQuit, logger } = await bringUpBrowserShell(options);

  const chromium = findChromium();
  if (!chromium || !hasDisplay()) {
    stopOnSignals(stop);
    const missing = !chromium ? 'no Chromium was found (set KIOSK_CHROMIUM to its path)' : 'there is no display (DISPLAY is not set)';
    process.stdout.write(`Not opening a window: ${missing}. Open this link in a browser on this machine:\n  ${shell.kioskUrl}\n`);
    return 0;
  }
  process.stdout.write(`Kiosk running at ${shell.origin} (the window gets its key privately; the address alone shows only a notice).\n`);
  process.stdout.write(`Opening ${chromium} in kiosk mode; it is restarted whenever it closes. Stop the kiosk with Ctrl+C or the admin's "Quit kiosk".\n`);
  const window = superviseChromium({ chromium, kioskUrl: shell.kioskUrl, restingUrl: new URL('resting.html', shell.origin).href, dataDir, logger });
  const stopAll = () => window.stop().then(stop);
  stopOnSignals(stopAll);
  onQuit(() => void stopAll().then(() => process.exit(0)));
  return 0;
}
