/**
 * The wrong-PIN lock: five tries, then 60 s, doubling with every further failure up to an hour.
 * Pure functions over a small state record, so the timing is easy to reason about and to test.
 *
 * One count for both roles, and a right PIN does not lower it: otherwise staff could try four
 * admin PINs, open the panel with their own, and go on for ever. Only time (a day without a wrong
 * PIN) or the operator's `set-pin` clears it.
 */
export const MAX_TRIES = 5;
const FIRST_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 60 * 60;
/** Wrong PINs are forgotten once none was entered for this long. */
export const FORGET_FAILURES_AFTER_MS = 24 * 60 * 60 * 1000;

export interface LockoutState {
  /** Wrong PINs, with any role's right PINs in between, since the count was last cleared. */
  failures: number;
  /** UTC ISO time the current lock ends, or null. */
  lockedUntil: string | null;
  /** UTC ISO time of the last wrong PIN (absent in records written before it was kept). */
  lastFailureAt?: string | null;
}

export const NO_LOCKOUT: LockoutState = { failures: 0, lockedUntil: null, lastFailureAt: null };

/** The state as it stands at `now`: a day after the last wrong PIN, once no lock runs, it is forgotten. */
export function currentLockout(state: LockoutState, now: Date): LockoutState {
  const last = Date.parse(state.lastFailureAt ?? state.lockedUntil ?? '');
  if (Number.isNaN(last) || secondsLocked(state, now) > 0) return state;
  return now.getTime() - last >= FORGET_FAILURES_AFTER_MS ? NO_LOCKOUT : state;
}

/** How long the lock lasts after the `failures`-th wrong PIN in a row: 0 for the first four. */
export function lockSeconds(failures: number): number {
  if (failures < MAX_TRIES) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(failures - MAX_TRIES, 16));
}

export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const failures = state.failures + 1;
  const seconds = lockSeconds(failures);
  return { failures, lockedUntil: seconds > 0 ? new Date(now.getTime() + seconds * 1000).toISOString() : null, lastFailureAt: now.toISOString() };
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
  const optionalTime = (time: unknown) => time === undefined || time === null || typeof time === 'string';
  return typeof state === 'object' && state !== null && Number.isSafeInteger(state.failures) && (state.lockedUntil === null || typeof state.lockedUntil === 'string') && optionalTime(state.lastFailureAt);
}
