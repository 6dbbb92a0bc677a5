/**
 * The kiosk's outbox: sync in the background, never in the way of a patient. After a feedback is
 * stored, and every few minutes, a pass sends what is pending; a failed pass is retried after an
 * exponential, jittered back-off (capped at about 15 minutes) or the collector's Retry-After.
 * One pass runs at a time; "Sync now" waits for a running pass and then runs its own.
 */
import * as v from 'valibot';
import type { Settings, SyncStatus } from '../../common/api/staff.js';
import type { KioskSettings } from '../kiosk-settings.js';
import type { Logger } from '../log/logger.js';
import { SETTING_KEYS } from '../setting-keys.js';
import type { KioskDatabase } from '../storage/kiosk-database.js';
import type { SettingsRepository } from '../storage/settings-repository.js';
import { retryDelayMs, type BackoffSettings } from './backoff.js';
import { syncPass, type SyncPassResult } from './sync-pass.js';
import type { SyncTokenStore } from './token-store.js';

export interface SyncTiming extends BackoffSettings {
  /** Each request's limit, the answer included. */
  timeoutMs: number;
  /** Between passes while all is well (also how soon a new setting or token is picked up). */
  idleIntervalMs: number;
  /** From a stored feedback to the pass that sends it. */
  afterSubmitMs: number;
}

export const DEFAULT_SYNC_TIMING: SyncTiming = {
  timeoutMs: 30_000,
  baseDelayMs: 10_000,
  maxDelayMs: 15 * 60_000,
  idleIntervalMs: 5 * 60_000,
  afterSubmitMs: 3_000,
};

export interface SyncOutboxOptions {
  /** The open database, or null while it cannot be opened (the pass is tried again later). */
  database: () => KioskDatabase | null;
  settings: KioskSettings;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  /** Where the token lives: the credentials file (credentialsTokenStore). */
  tokens: (database: KioskDatabase) => SyncTokenStore;
  timing?: Partial<SyncTiming>;
  random?: () => number;
}

/** The last sync, as #record keeps it in the settings table; read back through these schemas. */
const LastSyncAtSchema = v.string();
const LastSyncErrorSchema = v.nullable(v.object({ at: v.string(), message: v.string() }));

/** When the collector last acknowledged a pass, and the last problem; null for none (or an invalid record, logged). */
export function readLastSync(settings: SettingsRepository): Pick<SyncStatus, 'lastSyncAt' | 'lastError'> {
  return {
    lastSyncAt: settings.get(SETTING_KEYS.lastSyncAt, LastSyncAtSchema) ?? null,
    lastError: settings.get(SETTING_KEYS.lastSyncError, LastSyncErrorSchema) ?? null,
  };
}

export class SyncOutbox {
  readonly #options: SyncOutboxOptions;
  readonly #timing: SyncTiming;
  #running: Promise<SyncPassResult | null> | null = null;
  #failures = 0;
  #timer: NodeJS.Timeout | null = null;
  #nextAttemptAt: Date | null = null;
  #stopped = true;

  constructor(options: SyncOutboxOptions) {
    this.#options = options;
    this.#timing = { ...DEFAULT_SYNC_TIMING, ...options.timing };
  }

  /** Starts background sync: a first pass soon, then on its own schedule. */
  start(): void {
    this.#stopped = false;
    this.#schedule(this.#timing.afterSubmitMs);
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** A feedback was stored: send it soon, unless a back-off is waiting (it will be sent then). */
  notify(): void {
    if (this.#stopped || this.#failures > 0) return;
    const soon = this.#options.now().getTime() + this.#timing.afterSubmitMs;
    if (!this.#nextAttemptAt || this.#nextAttemptAt.getTime() > soon) this.#schedule(this.#timing.afterSubmitMs);
  }

  /** One pass now, after any running one; an admin's "Sync now" and the CLI use this. */
  async syncNow(): Promise<SyncPassResult | null> {
    while (this.#running) await this.#running;
    return this.#run(true);
  }

  /** What the admin panel shows. */
  status(database: KioskDatabase): SyncStatus {
    const settings: Settings = this.#options.settings.current(database.settings);
    const { feedback } = database;
    const quarantined = feedback.countSyncQuarantined();
    return {
      endpoint: settings.syncEndpoint,
      tokenSet: this.#tokens(database).get() !== null,
      ...readLastSync(database.settings),
      pending: feedback.countUnsynced() - quarantined,
      quarantined,
      nextAttemptAt: this.#nextAttemptAt?.toISOString() ?? null,
    };
  }

  /**
   * A new token is the usual cure for a refused batch (a wrong or revoked token answers 401), so
   * rows set aside go back in the outbox; any the collector still refuses are set aside again.
   */
  setToken(database: KioskDatabase, token: string): void {
    this.#tokens(database).set(token);
    const released = database.feedback.releaseSyncQuarantine();
    this.#options.logger.info({ event: 'sync-token', released }, 'the sync token was changed');
    // Try soon with the new token rather than after the old one's back-off.
    this.#failures = 0;
    this.notify();
  }

  #tokens(database: KioskDatabase): SyncTokenStore {
    return this.#options.tokens(database);
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    if (this.#timer) clearTimeout(this.#timer);
    this.#nextAttemptAt = new Date(this.#options.now().getTime() + delayMs);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      // A pass already running (Sync now) reschedules when it ends.
      if (!this.#running) void this.#run();
    }, delayMs);
    // Sync never keeps the process alive on its own.
    this.#timer.unref();
  }

  /** `asked`: someone pressed Sync now (or ran `clinic-kiosk sync`) and waits for the answer. */
  async #run(asked = false): Promise<SyncPassResult | null> {
    const pass = this.#pass(asked);
    this.#running = pass;
    try {
      return await pass;
    } finally {
      this.#running = null;
    }
  }

  async #pass(asked: boolean): Promise<SyncPassResult | null> {
    const { settings, logger, now } = this.#options;
    const database = this.#options.database();
    if (!database) {
      this.#schedule(this.#timing.idleIntervalMs);
      return null;
    }
    let result: SyncPassResult;
    try {
      result = await syncPass(database.feedback, {
        endpoint: settings.current(database.settings).syncEndpoint,
        token: this.#tokens(database).get(),
        timeoutMs: this.#timing.timeoutMs,
        now,
        onRefused: (message, rows) => {
          logger.error({ event: 'sync', outcome: 'refused', rows, message }, 'the collector refused a batch; it is set aside');
          database.incidents.record({
            kind: 'sync',
            message: `The collector refused ${rows} feedback rows, so they were set aside. They are kept on this kiosk; please tell support.`,
            detail: message,
          });
        },
      });
    } catch (error) {
      // The database failed mid-pass: nothing was marked that should not be; try again later.
      result = { sent: 0, acknowledged: 0, quarantined: 0, outcome: 'retry', message: 'the feedback database failed during sync', retryAfterMs: null };
      logger.error({ err: error }, 'sync pass failed');
    }
    this.#record(database.settings, result, asked);
    if (result.outcome === 'retry') {
      this.#failures += 1;
      this.#schedule(retryDelayMs(this.#failures, result.retryAfterMs, this.#timing, this.#options.random));
    } else {
      this.#failures = 0;
      this.#schedule(this.#timing.idleIntervalMs);
    }
    return result;
  }

  /**
   * Keeps the last success and the last error for the status screen; logging never fails a pass.
   * A kiosk without sync passes "not set up" every few minutes: that is its normal state, so only
   * a pass someone asked for records it as the last problem.
   */
  #record(stored: SettingsRepository, result: SyncPassResult, asked: boolean): void {
    const at = this.#options.now().toISOString();
    const { outcome, sent, acknowledged, quarantined } = result;
    const message = 'message' in result ? result.message : undefined;
    try {
      const values: Record<string, unknown> = {};
      if (outcome === 'done' || acknowledged > 0) values[SETTING_KEYS.lastSyncAt] = at;
      if (outcome === 'done') values[SETTING_KEYS.lastSyncError] = null;
      if (outcome === 'retry') values[SETTING_KEYS.lastSyncError] = { at, message };
      if (outcome === 'not-configured' && asked) values[SETTING_KEYS.lastSyncError] = { at, message: `sync is not set up: ${message}` };
      if (Object.keys(values).length) stored.put(values);
    } catch (error) {
      this.#options.logger.warn({ err: error }, 'the sync status could not be saved');
    }
    if (sent > 0 || outcome === 'retry') {
      const log = outcome === 'retry' ? this.#options.logger.warn : this.#options.logger.info;
      log.call(this.#options.logger, { event: 'sync', outcome, sent, acknowledged, quarantined, message }, 'sync pass');
    }
  }
}
