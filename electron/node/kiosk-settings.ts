/**
 * The settings the kiosk runs on: the config file's values, overridden field by field by what an
 * admin saved at the kiosk (the settings table). Cached, but only until the store's settings version
 * changes (a save here, or any write by another process), so a change applies at once: a new kiosk
 * id to the next feedback, a new idle timeout to the next bootstrap. The cache keeps five reads off
 * every patient's submit.
 */
import type * as v from 'valibot';
import { SettingsSchema, type Settings } from '../common/api/staff.js';
import type { KioskConfig } from '../common/config/schema.js';
import type { Logger } from './log/logger.js';
import { SETTING_KEYS } from './setting-keys.js';
import type { FeedbackStore } from './storage/feedback-store.js';
import { readStored } from './storage/stored-value.js';

const FIELDS = Object.keys(SettingsSchema.entries) as (keyof Settings)[];

export class KioskSettings {
  #cache: { store: FeedbackStore; version: string; settings: Settings } | undefined;

  constructor(
    private readonly config: KioskConfig,
    private readonly logger: Pick<Logger, 'warn'>,
  ) {}

  /** The config file's values (sync and retention are set only at the kiosk, so they start off). */
  defaults(): Settings {
    const { kioskId, idleTimeoutSeconds, keepPartialFeedback } = this.config;
    return { kioskId, idleTimeoutSeconds, syncEndpoint: null, retentionDays: null, keepPartialFeedback };
  }

  /**
   * The defaults overlaid with saved values. Without a store (the database cannot be opened) or when
   * reading fails, the defaults: the patient screens must still come up.
   */
  current(store: FeedbackStore | null): Settings {
    if (!store) return this.defaults();
    try {
      const version = store.settingsVersion();
      if (this.#cache?.store !== store || this.#cache.version !== version) this.#cache = { store, version, settings: this.#read(store) };
      return { ...this.#cache.settings };
    } catch (error) {
      this.logger.warn({ err: error }, 'saved settings could not be read; using the configured values');
      this.#cache = undefined;
      return this.defaults();
    }
  }

  /** Saves every field in one transaction; the input has passed SettingsSchema already. */
  save(store: FeedbackStore, next: Settings): Settings {
    store.putSettings(Object.fromEntries(FIELDS.map((field) => [SETTING_KEYS.setting(field), next[field]])));
    return this.current(store);
  }

  #read(store: FeedbackStore): Settings {
    const { entries } = SettingsSchema;
    const defaults = this.defaults();
    // A value a newer or older version saved may break today's rules: keep the default then.
    const saved = <T>(field: keyof Settings, schema: v.GenericSchema<unknown, T>, fallback: T): T => {
      const key = SETTING_KEYS.setting(field);
      const value = readStored(schema, store.getSetting(key), this.logger, key);
      return value === undefined ? fallback : value;
    };
    return {
      kioskId: saved('kioskId', entries.kioskId, defaults.kioskId),
      idleTimeoutSeconds: saved('idleTimeoutSeconds', entries.idleTimeoutSeconds, defaults.idleTimeoutSeconds),
      syncEndpoint: saved('syncEndpoint', entries.syncEndpoint, defaults.syncEndpoint),
      retentionDays: saved('retentionDays', entries.retentionDays, defaults.retentionDays),
      keepPartialFeedback: saved('keepPartialFeedback', entries.keepPartialFeedback, defaults.keepPartialFeedback),
    };
  }
}
