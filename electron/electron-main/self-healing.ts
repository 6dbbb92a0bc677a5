/**
 * Keeps the kiosk page alive without anyone at the machine: a crashed renderer or a failed load is
 * reloaded after the shared back-off (electron/node-core/restart-policy.ts); a renderer hung for more
 * than 10 s is crashed on purpose, which reloads it the same way. After too many failures in a row
 * a calm "please let the front desk know" page shows between the tries, which never stop.
 */
import type { BrowserWindow } from 'electron';
import type { Logger } from '../node-core/log/logger.js';
import { RestartBackoff } from '../node-core/restart-policy.js';
import { APP_ORIGIN } from './ipc-handler.js';

export const KIOSK_PAGE = `${APP_ORIGIN}/index.html`;
export const RESTING_PAGE = `${APP_ORIGIN}/resting.html`;
export const HANG_TIMEOUT_MS = 10_000;
/** Chromium's net::ERR_ABORTED: a load replaced by another (our own reload), not a failure. */
const ERR_ABORTED = -3;

export function keepPageAlive(window: BrowserWindow, logger: Logger, backoff = new RestartBackoff()): { load(): void } {
  const contents = window.webContents;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let hang: ReturnType<typeof setTimeout> | undefined;

  const open = (url: string) => {
    // A failed load also emits did-fail-load, which schedules the retry; here it is only logged.
    window.loadURL(url).catch((error: unknown) => logger.warn({ err: error, url }, 'the kiosk page did not load'));
  };
  const load = () => {
    clearTimeout(retry);
    retry = undefined;
    if (!window.isDestroyed()) open(KIOSK_PAGE);
  };
  const recover = (problem: string, detail: object) => {
    if (window.isDestroyed() || retry !== undefined) return;
    const { delayMs, recentFailures, tooOften } = backoff.failed();
    logger.error({ ...detail, problem, delayMs, recentFailures }, 'the kiosk page failed; reloading after a pause');
    if (tooOften) open(RESTING_PAGE);
    retry = setTimeout(load, delayMs);
  };

  contents.on('render-process-gone', (_event, details) => {
    clearTimeout(hang);
    if (details.reason !== 'clean-exit') recover('renderer gone', { reason: details.reason, exitCode: details.exitCode });
  });
  window.on('unresponsive', () => {
    clearTimeout(hang);
    hang = setTimeout(() => {
      logger.error({ afterMs: HANG_TIMEOUT_MS }, 'the kiosk page hung; crashing its renderer to reload it');
      contents.forcefullyCrashRenderer();
    }, HANG_TIMEOUT_MS);
  });
  window.on('responsive', () => clearTimeout(hang));
  contents.on('did-fail-load', (_event, errorCode, errorDescription, url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED) recover('load failed', { errorCode, errorDescription, url });
  });
  window.on('closed', () => {
    clearTimeout(retry);
    clearTimeout(hang);
  });
  return { load };
}
