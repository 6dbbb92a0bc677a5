import { vi } from 'vitest';

/**
 * Waits until `condition` holds, checking every 20 ms for at most `timeoutMs`: Vitest's own
 * waitUntil, with an error that names what never happened. A condition that throws fails at once.
 * Under fake timers waitUntil moves the fake clock on at each check; no caller uses them today.
 */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  try {
    await vi.waitUntil(condition, { timeout: timeoutMs, interval: 20 });
  } catch (error) {
    if (error instanceof Error && error.message === 'Timed out in waitUntil!')
      throw new Error(`timed out after ${timeoutMs} ms waiting until ${what}`, { cause: error });
    throw error;
  }
}
