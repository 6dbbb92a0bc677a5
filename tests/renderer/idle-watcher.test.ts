import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleWatcher, type IdleOptions } from '../../renderer/src/state/idle.svelte';

const TIMEOUT_S = 90;
const WARNING_S = 20;

/** A watcher on Vitest's fake clock, with a patient who left something behind and a staff panel. */
function watch(overrides: Partial<IdleOptions> = {}) {
  const panel = { open: false, closed: 0 };
  const expired = { count: 0 };
  const watcher = new IdleWatcher({
    timeoutSeconds: () => TIMEOUT_S,
    warningSeconds: WARNING_S,
    isPristine: () => false,
    onExpire: () => expired.count++,
    staffPanel: { isOpen: () => panel.open, close: () => ((panel.open = false), panel.closed++) },
    ...overrides,
  });
  const stop = watcher.start();
  return { watcher, panel, expired, stop };
}

const touch = () => window.dispatchEvent(new PointerEvent('pointerdown'));

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('IdleWatcher', () => {
  it('warns after the idle time, counts down, then expires once and watches again', () => {
    const { watcher, expired, stop } = watch();
    vi.advanceTimersByTime(TIMEOUT_S * 1000 - 1);
    expect(watcher.secondsLeft).toBeNull();
    vi.advanceTimersByTime(1);
    expect(watcher.secondsLeft).toBe(WARNING_S);
    vi.advanceTimersByTime(5000);
    expect(watcher.secondsLeft).toBe(WARNING_S - 5);
    vi.advanceTimersByTime((WARNING_S - 5) * 1000);
    expect(expired.count).toBe(1);
    expect(watcher.secondsLeft).toBeNull();
    vi.advanceTimersByTime(TIMEOUT_S * 1000);
    expect(watcher.secondsLeft).toBe(WARNING_S);
    stop();
  });

  it('starts the wait again on a touch, but not once the warning shows: only "stay" hides it', () => {
    const { watcher, expired, stop } = watch();
    vi.advanceTimersByTime(TIMEOUT_S * 1000 - 1000);
    touch();
    vi.advanceTimersByTime(TIMEOUT_S * 1000 - 1000);
    expect(watcher.secondsLeft).toBeNull();
    vi.advanceTimersByTime(1000);
    expect(watcher.secondsLeft).toBe(WARNING_S);
    touch();
    expect(watcher.secondsLeft).toBe(WARNING_S);
    watcher.stay();
    expect(watcher.secondsLeft).toBeNull();
    expect(expired.count).toBe(0);
    stop();
  });

  it('leaves a pristine welcome screen alone', () => {
    const { watcher, expired, stop } = watch({ isPristine: () => true });
    vi.advanceTimersByTime(5 * TIMEOUT_S * 1000);
    expect(watcher.secondsLeft).toBeNull();
    expect(expired.count).toBe(0);
    stop();
  });

  it('with the staff panel open, closes the panel instead of warning, and gives the patient a full wait again', () => {
    const { watcher, panel, expired, stop } = watch();
    panel.open = true;
    vi.advanceTimersByTime(TIMEOUT_S * 1000);
    expect(panel).toEqual({ open: false, closed: 1 });
    expect(watcher.secondsLeft).toBeNull();
    expect(expired.count).toBe(0);
    vi.advanceTimersByTime(TIMEOUT_S * 1000 - 1);
    expect(watcher.secondsLeft).toBeNull();
    vi.advanceTimersByTime(1);
    expect(watcher.secondsLeft).toBe(WARNING_S);
    stop();
  });

  it('stops listening and counting when stopped', () => {
    const { watcher, expired, stop } = watch();
    vi.advanceTimersByTime(TIMEOUT_S * 1000);
    stop();
    vi.advanceTimersByTime(10 * TIMEOUT_S * 1000);
    expect(watcher.secondsLeft).toBeNull();
    expect(expired.count).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
