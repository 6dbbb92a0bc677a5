/**
 * The main process's last resort: an uncaught exception is logged, then the app relaunches itself
 * after the shared back-off. The failure times are kept in a small file in the data folder, so a
 * main process that fails at every start waits longer each time instead of spinning.
 */
import { app } from 'electron';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Logger } from '../node-core/log/logger.js';
import { RestartBackoff } from '../node-core/restart-policy.js';

export const CRASH_HISTORY_FILE = 'main-process-failures.json';

function readHistory(file: string): number[] {
  try {
    const times: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(times) ? times.filter((time): time is number => typeof time === 'number') : [];
  } catch {
    return [];
  }
}

export interface Relauncher {
  /** From now on failures are logged to the kiosk log, and their history is kept in `dataDir`. */
  useDataDir(dataDir: string, logger: Logger): void;
}

/**
 * Registered first thing in main, so an error while finding the data folder or opening the log
 * relaunches too. Until the log is up the failure goes to stderr and its history to userData.
 */
export function relaunchOnUncaughtException(): Relauncher {
  let log: { dataDir: string; logger: Logger } | undefined;
  let relaunching = false;
  const say = (level: 'fatal' | 'warn', detail: object, message: string) => {
    if (log) log.logger[level](detail, message);
    else process.stderr.write(`${message}: ${JSON.stringify(detail, (_key, value: unknown) => (value instanceof Error ? value.stack : value))}\n`);
  };
  process.on('uncaughtException', (error) => {
    say('fatal', { err: error }, 'the main process failed');
    if (relaunching) return;
    relaunching = true;
    let file: string | undefined;
    try {
      file = join(log?.dataDir ?? app.getPath('userData'), CRASH_HISTORY_FILE);
    } catch {
      // No folder to keep the history in: the back-off starts from its shortest delay.
    }
    const backoff = new RestartBackoff(Date.now, file ? readHistory(file) : []);
    const { delayMs, recentFailures } = backoff.failed();
    try {
      if (file) {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
        writeFileSync(file, JSON.stringify(backoff.history), { mode: 0o600 });
      }
    } catch (writeError) {
      say('warn', { err: writeError }, 'could not keep the main-process failure history');
    }
    say('warn', { delayMs, recentFailures }, 'relaunching the kiosk');
    setTimeout(() => {
      app.relaunch();
      app.exit(1);
    }, delayMs);
  });
  return {
    useDataDir(dataDir, logger) {
      log = { dataDir, logger };
    },
  };
}
