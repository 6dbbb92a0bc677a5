/**
 * The longest the event loop went without a turn while `work` ran: a 1 ms timer notes the gap
 * between its calls (the kiosk's API and UI wait just as long).
 */
import { performance } from 'node:perf_hooks';

export async function withStallMeter<T>(work: () => Promise<T>): Promise<{ result: T; longestStallMs: number; elapsedMs: number }> {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  const started = performance.now();
  try {
    const result = await work();
    longest = Math.max(longest, performance.now() - last);
    return { result, longestStallMs: longest, elapsedMs: performance.now() - started };
  } finally {
    clearInterval(timer);
  }
}
