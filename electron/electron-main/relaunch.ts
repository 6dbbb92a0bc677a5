/**
 * The main process's last resort: an uncaught exception is logged, then the app relaunches itself
 * after the shared back-off. The failure times are kept in a small file in the data folder, so a
 * main process that fails at every start waits longer each time instead of spinning.
 */
import { app } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../node/log/logger.js';
import { RestartBackoff } from '../node/restart-policy.js';

export const CRASH_HISTORY_FILE = 'main-process-failures.json';

function readHistory(file: string): number[] {
  try {
    const times: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return Array.isArray(times) ? times.filter((time): time is number => typeof time === 'number') : [];
  } catch {
    return [];
  }
}

export function relaunchOnUncaughtException(dataDir: string, logger: Logger): void {
  const file = join(dataDir, CRASH_HISTORY_FILE);
  let relaunching = false;
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'the main process failed');
    if (relaunching) return;
    relaunching = true;
    const backoff = new RestartBackoff(Date.now, readHistory(file));
    const { delayMs, recentFailures } = backoff.failed();
    try {
      writeFileSync(file, JSON.stringify(backoff.history), { mode: 0o600 });
    } catch (writeError) {
      logger.warn({ err: writeError }, 'could not keep the main-process failure history');
    }
    logger.warn({ delayMs, recentFailures }, 'relaunching the kiosk');
    setTimeout(() => {
      app.relaunch();
      app.exit(1);
    }, delayMs);
  });
}
