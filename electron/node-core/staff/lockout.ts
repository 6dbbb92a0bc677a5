/**
 * The wrong-PIN lock: five tries, then a lock of 60 s; when it ends, five fresh tries, and the
 * next lock lasts twice as long (120 s, 240 s, … up to an hour). Pure functions over a small state
 * record, so the timing is easy to reason about and to test.
 *
 * One count for both roles, and a right PIN of either role lowers nothing: otherwise staff could
 * try four admin PINs, open the panel with their own, and go on for ever. Only the end of a lock
 * gives fresh tries, and the lock length only falls back to 60 s after a day without a wrong PIN
 * (or the operator's `set-pin`), so every five guesses cost an ever longer wait.
 */
import * as v from 'valibot';

export const MAX_TRIES = 5;
const FIRST_LOCK_SECONDS = 60;
export const MAX_LOCK_SECONDS = 60 * 60;
/** Wrong PINs and past locks are forgotten once no wrong PIN was entered for this long. */
export const FORGET_FAILURES_AFTER_MS = 24 * 60 * 60 * 1000;

/** The stored lock record, as afterFailure and currentLockout make it; read back through this schema. */
export const LockoutStateSchema = v.object({
  /** Wrong PINs, with any role's right PINs in between, since the last lock ended (or the count was cleared). */
  failures: v.pipe(v.number(), v.safeInteger()),
  /** UTC ISO time the current lock ends, or null. */
  lockedUntil: v.nullable(v.string()),
  /** UTC ISO time of the last wrong PIN (absent in records written before it was kept). */
  lastFailureAt: v.nullish(v.string()),
  /** Locks imposed since the count was last cleared; sets the next lock's length. Absent in older records. */
  locks: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
});

export type LockoutState = v.InferOutput<typeof LockoutStateSchema>;

export const NO_LOCKOUT: LockoutState = { failures: 0, lockedUntil: null, lastFailureAt: null, locks: 0 };

/**
 * The state as it stands at `now`: once a lock has ended the tries start again at 0 (the number of
 * locks stays); a day after the last wrong PIN, with no lock running, everything is forgotten.
 */
export function currentLockout(state: LockoutState, now: Date): LockoutState {
  const lastFailureAt = state.lastFailureAt ?? state.lockedUntil ?? null;
  const last = Date.parse(lastFailureAt ?? '');
  if (secondsLocked(state, now) > 0) return state;
  if (!Number.isNaN(last) && now.getTime() - last >= FORGET_FAILURES_AFTER_MS) return NO_LOCKOUT;
  return state.lockedUntil ? { failures: 0, lockedUntil: null, lastFailureAt, locks: locksOf(state) } : state;
}

/** How long the `locks`-th lock lasts: 60 s, doubling each time, at most an hour. */
export function lockSeconds(locks: number): number {
  if (locks < 1) return 0;
  return Math.min(MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS * 2 ** Math.min(locks - 1, 16));
}

/** `state` must be current (see currentLockout) and not locked. */
export function afterFailure(state: LockoutState, now: Date): LockoutState {
  const failures = state.failures + 1;
  const lastFailureAt = now.toISOString();
  if (failures < MAX_TRIES) return { failures, lockedUntil: null, lastFailureAt, locks: locksOf(state) };
  const locks = locksOf(state) + 1;
  return { failures, lockedUntil: new Date(now.getTime() + lockSeconds(locks) * 1000).toISOString(), lastFailureAt, locks };
}

/** Whole seconds until the lock ends (rounded up), or 0 when not locked. */
export function secondsLocked(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  const left = Date.parse(state.lockedUntil) - now.getTime();
  // A lock never outlasts its own length, even if the clock was set back meanwhile.
  return left > 0 ? Math.min(Math.ceil(left / 1000), lockSeconds(locksOf(state)) || MAX_LOCK_SECONDS) : 0;
}

/** Records written before `locks` was kept counted every wrong PIN in one run: the 5th was the first lock. */
function locksOf(state: LockoutState): number {
  return state.locks ?? Math.max(0, state.failures - MAX_TRIES + 1);
}
