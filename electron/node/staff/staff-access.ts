/**
 * Who may open the staff panel: the two PINs, checked against their scrypt hashes, and the
 * wrong-PIN lock. PIN hashes and the lock live in the settings table, so neither a restart nor a
 * second process (the CLI) sees anything else. Every attempt is logged; a PIN never is.
 */
import { ApiError } from '../../common/api/errors.js';
import { STAFF_ROLES, type StaffRole } from '../../common/api/staff.js';
import type { Logger } from '../log/logger.js';
import { SETTING_KEYS } from '../setting-keys.js';
import type { FeedbackStore } from '../storage/feedback-store.js';
import { afterFailure, isLockoutState, MAX_TRIES, NO_LOCKOUT, secondsLocked, type LockoutState } from './lockout.js';
import { hashPin, isPinHash, PIN_HASH_COST, verifyPin, type PinHash, type ScryptCost } from './pin-hash.js';

export type PinCheck =
  | { outcome: 'unlocked'; role: StaffRole }
  | { outcome: 'wrong-pin'; attemptsLeft: number }
  | { outcome: 'locked'; retryAfterSeconds: number };

export interface StaffAccessOptions {
  logger: Pick<Logger, 'info' | 'warn'>;
  now?: () => Date;
  /** The scrypt cost of new PIN hashes: PIN_HASH_COST unless a test asks for a cheap one. */
  pinHashCost?: ScryptCost;
}

export class StaffAccess {
  readonly #logger: StaffAccessOptions['logger'];
  readonly #now: () => Date;
  readonly #pinHashCost: ScryptCost;
  // Attempts run one at a time: parallel guesses must not each see the same failure count.
  #queue: Promise<unknown> = Promise.resolve();

  constructor({ logger, now = () => new Date(), pinHashCost = PIN_HASH_COST }: StaffAccessOptions) {
    this.#logger = logger;
    this.#now = now;
    this.#pinHashCost = pinHashCost;
  }

  /** Both PINs set: the panel opens with the PIN pad rather than the first-run setup. */
  pinsConfigured(store: FeedbackStore): boolean {
    return STAFF_ROLES.every((role) => readPin(store, role) !== null);
  }

  /** First run only: refused once either PIN is set, so the panel cannot be used to take a kiosk over. */
  setupPins(store: FeedbackStore, pins: Record<StaffRole, string>): Promise<void> {
    return this.#serial(async () => {
      if (STAFF_ROLES.some((role) => readPin(store, role) !== null)) {
        this.#logger.warn({ event: 'staff-setup', outcome: 'refused' }, 'PIN setup refused: a PIN is already set');
        throw new ApiError('unauthorized', 'the PINs are already set; change them with "clinic-kiosk set-pin"');
      }
      const [staff, admin] = await Promise.all([hashPin(pins.staff, this.#pinHashCost), hashPin(pins.admin, this.#pinHashCost)]);
      store.putSettings({ [SETTING_KEYS.pin('staff')]: staff, [SETTING_KEYS.pin('admin')]: admin, [SETTING_KEYS.lockout]: NO_LOCKOUT });
      this.#logger.info({ event: 'staff-setup', outcome: 'done' }, 'staff and admin PINs set up');
    });
  }

  /** The operator's recovery path (the CLI): sets one PIN whatever was there, and lifts any lock. */
  setPin(store: FeedbackStore, role: StaffRole, pin: string): Promise<void> {
    return this.#serial(async () => {
      const other = readPin(store, role === 'staff' ? 'admin' : 'staff');
      // The same PIN for both would always open as admin, leaving no working staff PIN.
      if (other && (await verifyPin(pin, other))) throw new ApiError('invalid_input', `the ${role} PIN must differ from the other PIN`);
      store.putSettings({ [SETTING_KEYS.pin(role)]: await hashPin(pin, this.#pinHashCost), [SETTING_KEYS.lockout]: NO_LOCKOUT });
      this.#logger.info({ event: 'staff-set-pin', role }, `${role} PIN set; any lock lifted`);
    });
  }

  check(store: FeedbackStore, pin: string): Promise<PinCheck> {
    return this.#serial(async () => {
      const state = readLockout(store);
      const locked = secondsLocked(state, this.#now());
      if (locked > 0) {
        this.#logger.warn({ event: 'staff-unlock', outcome: 'locked', retryAfterSeconds: locked }, 'PIN attempt refused: locked');
        return { outcome: 'locked', retryAfterSeconds: locked };
      }
      const adminPin = readPin(store, 'admin');
      const staffPin = readPin(store, 'staff');
      if (!adminPin && !staffPin) throw new ApiError('unauthorized', 'no PINs are set up yet');
      // Both are always checked, so the time taken does not tell which PIN was tried.
      const [isAdmin, isStaff] = await Promise.all([adminPin && verifyPin(pin, adminPin), staffPin && verifyPin(pin, staffPin)]);
      const role: StaffRole | null = isAdmin ? 'admin' : isStaff ? 'staff' : null;
      if (role) {
        if (state.failures > 0) store.putSettings({ [SETTING_KEYS.lockout]: NO_LOCKOUT });
        this.#logger.info({ event: 'staff-unlock', outcome: 'unlocked', role }, `staff panel unlocked (${role})`);
        return { outcome: 'unlocked', role };
      }
      const next = afterFailure(state, this.#now());
      store.putSettings({ [SETTING_KEYS.lockout]: next });
      const lockedFor = secondsLocked(next, this.#now());
      this.#logger.warn({ event: 'staff-unlock', outcome: 'wrong-pin', failures: next.failures, lockedForSeconds: lockedFor }, 'wrong staff PIN');
      return lockedFor > 0 ? { outcome: 'locked', retryAfterSeconds: lockedFor } : { outcome: 'wrong-pin', attemptsLeft: MAX_TRIES - next.failures };
    });
  }

  #serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(work, work);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

function readPin(store: FeedbackStore, role: StaffRole): PinHash | null {
  const value = store.getSetting(SETTING_KEYS.pin(role));
  return isPinHash(value) ? value : null;
}

function readLockout(store: FeedbackStore): LockoutState {
  const value = store.getSetting(SETTING_KEYS.lockout);
  return isLockoutState(value) ? value : NO_LOCKOUT;
}
