/**
 * The wrong-PIN lock: five tries, then 60 s, doubling with every further failure up to an hour.
 * Pure functions over a small state record, so the timing is easy to reason about and to test.
 */
export const MAX_TRIES = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 60 * 60;

export interface LockoutState {
  /** Wrong PINs since the last right one. */
  failures: number;
  /** UTC ISO time the current lock ends, or null. */
  lockedUntil: string | null;
}

export const NO_LOCKOUT: LockoutState = { failures: 0, lockedUntil: null };

/** How long the lock lasts after the `failures`-th wrong PIN in a row: 0 for the first four. */
export function lockSeconds(failures: number): number {
  if (failures < MAX_TRIES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(failures - MAX_TRIES, 16));
}

export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const failures = state.failures + 1;
  const seconds = lockSeconds(failures);
  return { failures, lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null };
}

/** Whole seconds until the lock ends (rounded up), or 0 when not locked. */
export function secondsLocked(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  const left = Date.parse(state.lockedUntil) - now.getTime();
  // A lock never outlasts its own length, even if the clock was set back meanwhile.
  return left > 0 ? Math.min(Math.ceil(left / 1000), lockSeconds(state.failures) || MAX_LOCK_SECONDS) : 0;
}

export function isLockoutState(value: unknown): value is LockoutState {
  const state = value as Partial<LockoutState> | null;
  return typeof state === 'object' && state !== null && Number.isSafeInteger(state.failures) && (state.lockedUntil === null || typeof state.lockedUntil === 'string');
}
