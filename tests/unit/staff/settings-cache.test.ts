/**
 * Settings are read from the database once and then cached until they may have changed: a save at
 * the kiosk, or a write by another process. A patient's submit no longer pays five reads.
 */
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { defaultConfig } from '../../../electron/node-core/config/load-config.js';
import { KioskSettings } from '../../../electron/node-core/kiosk-settings.js';
import { SETTING_KEYS } from '../../../electron/node-core/setting-keys.js';
import { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-settings-cache-');
const quietLogger = { warn() {} };
const CONFIG = defaultConfig();

describe('settings cache', () => {
  it('reads the settings table once while nothing changes', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'kiosk-1' });
    // Counts the settings rows read, and still reads them.
    const reads = vi.spyOn(store.settings, 'get');
    const settings = new KioskSettings(CONFIG, quietLogger);
    for (let i = 0; i < 100; i++) expect(settings.current(store.settings).kioskId).toBe(CONFIG.kioskId);
    expect(reads.mock.calls.length).toBeGreaterThan(0);
    expect(reads.mock.calls.length).toBeLessThanOrEqual(5); // one read per field, once
    store.close();
  });

  it('applies a save at once, and callers cannot change the cached copy', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'kiosk-1' });
    const settings = new KioskSettings(CONFIG, quietLogger);
    settings.current(store.settings).kioskId = 'tampered';
    expect(settings.current(store.settings).kioskId).toBe(CONFIG.kioskId);
    settings.save(store.settings, { ...settings.current(store.settings), kioskId: 'lobby-2' });
    expect(settings.current(store.settings).kioskId).toBe('lobby-2');
    // A write of a setting key that bypasses save() (another feature's settings.put) is seen too.
    store.settings.put({ [SETTING_KEYS.setting('idleTimeoutSeconds')]: 45 });
    expect(settings.current(store.settings).idleTimeoutSeconds).toBe(45);
    store.close();
  });

  it('sees a change another process committed', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'kiosk-1' });
    const settings = new KioskSettings(CONFIG, quietLogger);
    expect(settings.current(store.settings).kioskId).toBe(CONFIG.kioskId);
    const other = new Database(store.file);
    other
      .prepare("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, '2026-11-29T00:00:00Z')")
      .run(SETTING_KEYS.setting('kioskId'), JSON.stringify('front-desk'));
    other.close();
    expect(settings.current(store.settings).kioskId).toBe('front-desk');
    store.close();
  });
});
