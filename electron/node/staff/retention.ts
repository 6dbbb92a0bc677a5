/**
 * Retention: once an admin sets "delete after N days", feedback older than that goes, but only
 * rows already synced or exported, so nothing leaves the kiosk unrecorded. It runs at startup,
 * daily while the kiosk runs, and when an admin asks.
 */
import type { Logger } from '../log/logger.js';
import type { FeedbackStore } from '../storage/feedback-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes what the policy allows; returns the count (0 when retention is off). */
export function applyRetention(store: FeedbackStore, retentionDays: number | null, now: Date, logger: Pick<Logger, 'info'>): number {
  if (retentionDays === null) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const deleted = store.deleteExpired(cutoff);
  logger.info({ event: 'retention', retentionDays, cutoff: cutoff.toISOString(), deleted }, 'retention ran');
  return deleted;
}

/** Runs `run` now and then every day; the timer never keeps the process alive. Returns a stop. */
export function scheduleDaily(run: () => void): () => void {
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
