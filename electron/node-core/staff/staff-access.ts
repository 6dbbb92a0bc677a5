/**
 * Who may open the staff panel: the two PINs, checked against their scrypt hashes, and the
 * wrong-PIN lock. Both live in the credentials file (storage/credential-repository.ts), read
 * afresh at every attempt, so neither a restart nor a second process (the CLI) sees anything else.
 * Every attempt is logged; a PIN never is.
 *
 * The touch screen may set the PINs only on a kiosk that has never had any: once there is any
 * sign of an earlier setup (a credentials entry, the feedback database's note of it, or a damaged
 * file set aside), only the operator's `clinic-kiosk set-pin` can.
 */
import { readdirSync } from 'node:fs';
import { ApiError } from '../../common/api/errors.js';
import { STAFF_ROLES, type StaffSetup, type StaffRole } from '../../common/api/staff.js';
import type { Logger } from '../log/logger.js';
import { SETTING_KEYS } from '../setting-keys.js';
import { QUARANTINE_MARK } from '../storage/database.js';
import { CREDENTIAL_KEYS, CREDENTIALS_FILE_NAME, CredentialRepository, STAFF_CREDENTIAL_KEYS } from '../storage/credential-repository.js';
import { DATABASE_FILE_NAME, type KioskDatabase } from '../storage/kiosk-database.js';
import type { SettingsRepository } from '../storage/settings-repository.js';
import { afterFailure, currentLockout, LockoutStateSchema, MAX_TRIES, NO_LOCKOUT, secondsLocked, type LockoutState } from './lockout.js';
import { hashPin, PIN_HASH_COST, PinHashSchema, verifyPin, type PinHash, type ScryptCost } from './pin-hash.js';

export type PinCheck =
  { outcome: 'unlocked'; role: StaffRole } | { outcome: 'wrong-pin'; attemptsLeft: number } | { outcome: 'locked'; retryAfterSeconds: number };

export interface StaffAccessOptions {
  dataDir: string;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now?: () => Date;
  /** The scrypt cost of new PIN hashes: PIN_HASH_COST unless a test asks for a cheap one. */
  pinHashCost?: ScryptCost;
}

export class StaffAccess {
  readonly #dataDir: string;
  readonly #logger: StaffAccessOptions['logger'];
  readonly #now: () => Date;
  readonly #pinHashCost: ScryptCost;
  #credentials: CredentialRepository | null = null;
  // Attempts run one at a time: parallel guesses must not each see the same failure count.
  #queue: Promise<unknown> = Promise.resolve();

  constructor({ dataDir, logger, now = () => new Date(), pinHashCost = PIN_HASH_COST }: StaffAccessOptions) {
    this.#dataDir = dataDir;
    this.#logger = logger;
    this.#now = now;
    this.#pinHashCost = pinHashCost;
  }

  /** What the panel opens on: the PIN pad, the first-run setup, or a note to ask the operator. */
  setup(database: KioskDatabase): StaffSetup {
    const credentials = this.#open(database);
    const pinsConfigured = STAFF_ROLES.every((role) => readPin(credentials, role) !== null);
    return {
      pinsConfigured,
      setupAllowed: !pinsConfigured && this.#neverSetUp(database, credentials),
      lockedForSeconds: secondsLocked(readLockout(credentials, this.#now()), this.#now()),
    };
  }

  /** First run only: refused after any earlier setup, so the screen cannot be used to take a kiosk over. */
  setupPins(database: KioskDatabase, pins: Record<StaffRole, string>): Promise<void> {
    return this.#serial(async () => {
      const credentials = this.#open(database);
      if (!this.#neverSetUp(database, credentials)) {
        this.#logger.warn({ event: 'staff-setup', outcome: 'refused' }, 'PIN setup refused: this kiosk had PINs before');
        throw new ApiError('unauthorized', 'the PINs can only be set with "clinic-kiosk set-pin" on this kiosk');
      }
      const [staff, admin] = await Promise.all([hashPin(pins.staff, this.#pinHashCost), hashPin(pins.admin, this.#pinHashCost)]);
      credentials.put({ [CREDENTIAL_KEYS.pin('staff')]: staff, [CREDENTIAL_KEYS.pin('admin')]: admin, [CREDENTIAL_KEYS.lockout]: NO_LOCKOUT });
      noteSetUp(database.settings, this.#now());
      this.#logger.info({ event: 'staff-setup', outcome: 'done' }, 'staff and admin PINs set up');
    });
  }

  /** The operator's recovery path (the CLI): sets one PIN whatever was there, and lifts any lock. */
  setPin(database: KioskDatabase, role: StaffRole, pin: string): Promise<void> {
    return this.#serial(async () => {
      const credentials = this.#open(database);
      const other = readPin(credentials, role === 'staff' ? 'admin' : 'staff');
      // The same PIN for both would always open as admin, leaving no working staff PIN.
      if (other && (await verifyPin(pin, other))) throw new ApiError('invalid_input', `the ${role} PIN must differ from the other PIN`);
      credentials.put({ [CREDENTIAL_KEYS.pin(role)]: await hashPin(pin, this.#pinHashCost), [CREDENTIAL_KEYS.lockout]: NO_LOCKOUT });
      noteSetUp(database.settings, this.#now());
      this.#logger.info({ event: 'staff-set-pin', role }, `${role} PIN set; any lock lifted`);
    });
  }

  check(database: KioskDatabase, pin: string): Promise<PinCheck> {
    return this.#serial(async () => {
      const credentials = this.#open(database);
      const state = readLockout(credentials, this.#now());
      const locked = secondsLocked(state, this.#now());
      if (locked > 0) {
        this.#logger.warn({ event: 'staff-unlock', outcome: 'locked', retryAfterSeconds: locked }, 'PIN attempt refused: locked');
        return { outcome: 'locked', retryAfterSeconds: locked };
      }
      const adminPin = readPin(credentials, 'admin');
      const staffPin = readPin(credentials, 'staff');
      if (!adminPin && !staffPin) throw new ApiError('unauthorized', 'no PINs are set up yet');
      // Both are always checked, so the time taken does not tell which PIN was tried.
      const [isAdmin, isStaff] = await Promise.all([adminPin && verifyPin(pin, adminPin), staffPin && verifyPin(pin, staffPin)]);
      const role: StaffRole | null = isAdmin ? 'admin' : isStaff ? 'staff' : null;
      if (role) {
        // The failure count stays as it is (see lockout.ts): a right PIN is no licence for more guesses.
        this.#logger.info({ event: 'staff-unlock', outcome: 'unlocked', role }, `staff panel unlocked (${role})`);
        return { outcome: 'unlocked', role };
      }
      const next = afterFailure(state, this.#now());
      credentials.put({ [CREDENTIAL_KEYS.lockout]: next });
      const lockedFor = secondsLocked(next, this.#now());
      this.#logger.warn({ event: 'staff-unlock', outcome: 'wrong-pin', failures: next.failures, lockedForSeconds: lockedFor }, 'wrong staff PIN');
      return lockedFor > 0 ? { outcome: 'locked', retryAfterSeconds: lockedFor } : { outcome: 'wrong-pin', attemptsLeft: MAX_TRIES - next.failures };
    });
  }

  close(): void {
    this.#credentials?.close();
    this.#credentials = null;
  }

  /** The credentials file, shared with sync for its token (see sync/token-store.ts). */
  credentials(database: KioskDatabase): CredentialRepository {
    return this.#open(database);
  }

  /** The credentials file, opened on first use; PINs an older version kept in the feedback database move over then. */
  #open(database: KioskDatabase): CredentialRepository {
    if (this.#credentials) return this.#credentials;
    const credentials = new CredentialRepository({ dataDir: this.#dataDir, logger: this.#logger, now: this.#now });
    try {
      if (credentials.quarantine) {
        database.incidents.record({
          kind: 'credentials',
          // The file holds the sync token too (sync/token-store.ts): it is gone with the PINs.
          message:
            'The credentials file was damaged and was set aside. The PINs must be set again with "clinic-kiosk set-pin", and the sync token in Sync (admin) or with "clinic-kiosk set-sync-token".',
          detail: JSON.stringify(credentials.quarantine),
        });
      }
      migrateFromDatabase(database.settings, credentials, this.#logger, this.#now());
    } catch (error) {
      credentials.close();
      throw error;
    }
    return (this.#credentials = credentials);
  }

  #neverSetUp(database: KioskDatabase, credentials: CredentialRepository): boolean {
    return !credentials.holdsAny(STAFF_CREDENTIAL_KEYS) && !database.settings.holdsAny([SETTING_KEYS.pinsSetUpAt]) && !hasSetAsideFiles(this.#dataDir);
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** Versions before the credentials file kept PINs and the lock in the feedback database's settings. */
function migrateFromDatabase(settings: SettingsRepository, credentials: CredentialRepository, logger: Pick<Logger, 'info'>, now: Date): void {
  const legacyKeys = [...STAFF_ROLES.map(SETTING_KEYS.legacyPin), SETTING_KEYS.legacyLockout];
  if (!settings.holdsAny(legacyKeys)) return;
  if (!credentials.holdsAny(STAFF_CREDENTIAL_KEYS)) {
    const moved: Record<string, unknown> = {};
    const legacyEntries = [
      [CREDENTIAL_KEYS.pin('staff'), settings.get(SETTING_KEYS.legacyPin('staff'), PinHashSchema)],
      [CREDENTIAL_KEYS.pin('admin'), settings.get(SETTING_KEYS.legacyPin('admin'), PinHashSchema)],
      [CREDENTIAL_KEYS.lockout, settings.get(SETTING_KEYS.legacyLockout, LockoutStateSchema)],
    ] as const;
    for (const [key, value] of legacyEntries) if (value !== undefined) moved[key] = value;
    credentials.put(moved);
    logger.info({ event: 'credentials-migrated', entries: Object.keys(moved) }, 'PINs moved from the feedback database to the credentials file');
  }
  // The settings note stays, so the screen still cannot set PINs if the new file is lost.
  noteSetUp(settings, now);
  settings.delete(legacyKeys);
}

/** Noted in the feedback database too, so a credentials file that goes missing is noticed. */
function noteSetUp(settings: SettingsRepository, now: Date): void {
  if (!settings.holdsAny([SETTING_KEYS.pinsSetUpAt])) settings.put({ [SETTING_KEYS.pinsSetUpAt]: now.toISOString() });
}

function hasSetAsideFiles(dataDir: string): boolean {
  return readdirSync(dataDir).some((name) =>
    [`${DATABASE_FILE_NAME}${QUARANTINE_MARK}`, `${CREDENTIALS_FILE_NAME}${QUARANTINE_MARK}`].some((prefix) => name.startsWith(prefix)),
  );
}

function readPin(credentials: CredentialRepository, role: StaffRole): PinHash | null {
  return credentials.get(CREDENTIAL_KEYS.pin(role), PinHashSchema) ?? null;
}

function readLockout(credentials: CredentialRepository, now: Date): LockoutState {
  return currentLockout(credentials.get(CREDENTIAL_KEYS.lockout, LockoutStateSchema) ?? NO_LOCKOUT, now);
}
