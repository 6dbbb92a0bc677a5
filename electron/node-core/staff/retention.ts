/**
 * Retention: once an admin sets "delete after N days", feedback older than that goes, but only
 * rows that left the kiosk, so nothing is lost. Where they must go is the rule, kept here:
 * - a kiosk with a sync endpoint sends every row to the collector, so only rows the collector
 *   acknowledged go (an exported row not yet synced would never reach PostgreSQL);
 * - a kiosk without one has only exports, so a row synced or delivered by an export goes.
 * It runs at startup, daily while the kiosk runs, and when an admin asks.
 */
import type { Settings } from '../../common/api/staff.js';
import type { Logger } from '../log/logger.js';
import type { FeedbackRepository } from '../storage/feedback-repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Deletes what the policy allows; returns the count (0 when retention is off). */
export function applyRetention(
  feedback: FeedbackRepository,
  settings: Pick<Settings, 'retentionDays' | 'syncEndpoint'>,
  now: Date,
  logger: Pick<Logger, 'info'>,
): number {
  const { retentionDays } = settings;
  if (retentionDays === null) return 0;
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const syncedOnly = settings.syncEndpoint !== null;
  const deleted = feedback.deleteExpired(cutoff, { syncedOnly });
  logger.info({ event: 'retention', retentionDays, syncedOnly, cutoff: cutoff.toISOString(), deleted }, 'retention ran');
  return deleted;
}

/** Runs `run` now and then every day; the timer never keeps the process alive. Returns a stop. */
export function scheduleDaily(run: () => void): () => void {
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
