/**
 * Where the collector's bearer token is kept. Behind this small interface so it can move to the
 * kiosk's credentials file without touching sync; today it is a row in the settings table, which
 * export never reads. The token is never logged and never returned by the API.
 */
import { SETTING_KEYS } from '../setting-keys.js';
import type { FeedbackStore } from '../storage/feedback-store.js';

export interface SyncTokenStore {
  get(): string | null;
  set(token: string): void;
}

export function settingsTokenStore(store: FeedbackStore): SyncTokenStore {
  return {
    get() {
      const token = store.getSetting(SETTING_KEYS.syncToken);
      return typeof token === 'string' && token ? token : null;
    },
    set(token) {
      store.putSettings({ [SETTING_KEYS.syncToken]: token });
    },
  };
}
