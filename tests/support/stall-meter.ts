/**
 * The longest the event loop went without a turn while `work` ran: a timer notes the gap between
 * its calls (the kiosk's API and UI wait just as long). Shared by the export test and the benchmark.
 */
import { performance } from 'node:perf_hooks';

export interface Stalls<T> {
  result: T;
  longestStallMs: number;
  elapsedMs: number;
  /** How often the timer ran: it must have run all along, not just at the end. */
  ticks: number;
}

export async function withStallMeter<T>(work: () => Promise<T>, everyMs = 1): Promise<Stalls<T>> {
  let last = performance.now();
  let longest = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    ticks++;
  }, everyMs);
  const started = performance.now();
  try {
    const result = await work();
    longest = Math.max(longest, performance.now() - last);
    return { result, longestStallMs: longest, elapsedMs: performance.now() - started, ticks };
  } finally {
    clearInterval(timer);
  }
}
