/**
 * The settings the kiosk runs on: the config file's values, overridden field by field by what an
 * admin saved at the kiosk (the settings table). Cached, but only until the settings' version
 * changes (a save here, or any write by another process), so a change applies at once: a new kiosk
 * id to the next feedback, a new idle timeout to the next bootstrap. The cache keeps five reads off
 * every patient's submit.
 */
import { SettingsSchema, type Settings } from '../common/api/staff.js';
import type { KioskConfig } from '../common/config/schema.js';
import type { Logger } from './log/logger.js';
import { SETTING_KEYS } from './setting-keys.js';
import type { SettingsRepository } from './storage/settings-repository.js';

const FIELDS = Object.keys(SettingsSchema.entries) as (keyof Settings)[];

export class KioskSettings {
  #cache: { stored: SettingsRepository; version: string; settings: Settings } | undefined;

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
   * The defaults overlaid with saved values. Without the database (it cannot be opened) or when
   * reading fails, the defaults: the patient screens must still come up.
   */
  current(stored: SettingsRepository | null): Settings {
    if (!stored) return this.defaults();
    try {
      const version = stored.version();
      if (this.#cache?.stored !== stored || this.#cache.version !== version) this.#cache = { stored, version, settings: this.#read(stored) };
      return { ...this.#cache.settings };
    } catch (error) {
      this.logger.warn({ err: error }, 'saved settings could not be read; using the configured values');
      this.#cache = undefined;
      return this.defaults();
    }
  }

  /** Saves every field in one transaction; the input has passed SettingsSchema already. */
  save(stored: SettingsRepository, next: Settings): Settings {
    stored.put(Object.fromEntries(FIELDS.map((field) => [SETTING_KEYS.setting(field), next[field]])));
    return this.current(stored);
  }

  #read(stored: SettingsRepository): Settings {
    const { entries } = SettingsSchema;
    const defaults = this.defaults();
    // A value a newer or older version saved may break today's rules: keep the default then.
    const saved = <F extends keyof Settings>(field: F, schema: (typeof entries)[F], fallback: Settings[F]): Settings[F] => {
      const value = stored.get(SETTING_KEYS.setting(field), schema);
      return value === undefined ? fallback : (value as Settings[F]);
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
