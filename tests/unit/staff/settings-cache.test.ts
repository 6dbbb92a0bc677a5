/**
 * Settings are read from the database once and then cached until they may have changed: a save at
 * the kiosk, or a write by another process. A patient's submit no longer pays five reads.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../electron/node/config/load-config.js';
import { KioskSettings } from '../../../electron/node/kiosk-settings.js';
import { SETTING_KEYS } from '../../../electron/node/setting-keys.js';
import { openFeedbackStore, type FeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-settings-cache-');
const quietLogger = { warn() {} };
const CONFIG = defaultConfig();

/** The store, with a count of the settings rows it has read. */
function countingStore(store: FeedbackStore) {
  const counted = { reads: 0 };
  const wrapped: FeedbackStore = {
    ...store,
    getSetting: (key) => {
      counted.reads++;
      return store.getSetting(key);
    },
  };
  return { store: wrapped, counted };
}

describe('settings cache', () => {
  it('reads the settings table once while nothing changes', () => {
    const raw = openFeedbackStore({ dataDir: tempDir(), kioskId: 'kiosk-1' });
    const { store, counted } = countingStore(raw);
    const settings = new KioskSettings(CONFIG, quietLogger);
    for (let i = 0; i < 100; i++) expect(settings.current(store).kioskId).toBe(CONFIG.kioskId);
    expect(counted.reads).toBeGreaterThan(0);
    expect(counted.reads).toBeLessThanOrEqual(5); // one read per field, once
    raw.close();
  });

  it('applies a save at once, and callers cannot change the cached copy', () => {
    const store = openFeedbackStore({ dataDir: tempDir(), kioskId: 'kiosk-1' });
    const settings = new KioskSettings(CONFIG, quietLogger);
    settings.current(store).kioskId = 'tampered';
    expect(settings.current(store).kioskId).toBe(CONFIG.kioskId);
    settings.save(store, { ...settings.current(store), kioskId: 'lobby-2' });
    expect(settings.current(store).kioskId).toBe('lobby-2');
    // A write of a setting key that bypasses save() (another feature's putSettings) is seen too.
    store.putSettings({ [SETTING_KEYS.setting('idleTimeoutSeconds')]: 45 });
    expect(settings.current(store).idleTimeoutSeconds).toBe(45);
    store.close();
  });

  it('sees a change another process committed', () => {
    const store = openFeedbackStore({ dataDir: tempDir(), kioskId: 'kiosk-1' });
    const settings = new KioskSettings(CONFIG, quietLogger);
    expect(settings.current(store).kioskId).toBe(CONFIG.kioskId);
    const other = new Database(store.file);
    other
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-11-29T00:00:00Z')")
      .run(SETTING_KEYS.setting('kioskId'), JSON.stringify('front-desk'));
    other.close();
    expect(settings.current(store).kioskId).toBe('front-desk');
    store.close();
  });
});
