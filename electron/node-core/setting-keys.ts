/**
 * Every key the core keeps in the settings table, in one place, so no two features can share a
 * key by accident. Values are JSON; each owner validates what it reads back.
 */
import type { Settings, StaffRole } from '../common/api/staff.js';

export const SETTING_KEYS = {
  /** Where versions before the credentials file kept the PIN hashes; read once, to move them there. */
  legacyPin: (role: StaffRole) => `staff.pin.${role}`,
  /** Likewise the wrong-PIN lock. */
  legacyLockout: 'staff.lockout',
  /** When PINs were first set: after that, only the operator's `set-pin` may set them again. */
  pinsSetUpAt: 'staff.pinsSetUpAt',
  /** UTC ISO time of the last successful sync. */
  lastSyncAt: 'sync.lastSyncAt',
  /** The last sync failure, `{ at, message }`, or null once a sync succeeds. */
  lastSyncError: 'sync.lastError',
  /** One key per admin setting, so a setting added later falls back to the config until saved. */
  setting: (field: keyof Settings) => `settings.${field}`,
} as const;
