/** The lock-out's cost to a guesser, computed from the rule itself: the README quotes these figures. */
import { describe, expect, it } from 'vitest';
import { afterFailure, currentLockout, NO_LOCKOUT, secondsLocked, type LockoutState } from '../../../electron/node-core/staff/lockout.js';

/** Seconds spent locked while making `guesses` wrong guesses as fast as the pad allows, never pausing a day. */
function secondsToGuess(guesses: number): number {
  let state: LockoutState = NO_LOCKOUT;
  let now = Date.UTC(2026, 0, 1);
  for (let i = 0; i < guesses; i++) {
    state = afterFailure(currentLockout(state, new Date(now)), new Date(now));
    now += secondsLocked(state, new Date(now)) * 1000;
  }
  return (now - Date.UTC(2026, 0, 1)) / 1000;
}

const DAY = 24 * 60 * 60;

describe('the lock-out against a PIN guesser', () => {
  it('allows 5 guesses per lock, and locks grow to an hour', () => {
    expect(secondsToGuess(4)).toBe(0);
    expect(secondsToGuess(5)).toBe(60);
    expect(secondsToGuess(10)).toBe(60 + 120);
    expect(secondsToGuess(40)).toBe(60 + 120 + 240 + 480 + 960 + 1920 + 3600 + 3600);
  });

  it('makes walking the 4-digit space take about 83 days (half of it, on average, about 41)', () => {
    expect(Math.round(secondsToGuess(10_000) / DAY)).toBe(83);
    expect(Math.round(secondsToGuess(5_000) / DAY)).toBe(41);
  });

  it('forgets old records written before the number of locks was kept, as if each miss after the fifth was a lock', () => {
    const legacy = { failures: 7, lockedUntil: '2026-01-01T00:04:00.000Z', lastFailureAt: '2026-01-01T00:00:00.000Z' };
    const after = currentLockout(legacy, new Date('2026-01-01T00:04:00.000Z'));
    expect(after).toMatchObject({ failures: 0, lockedUntil: null, locks: 3 });
  });
});
