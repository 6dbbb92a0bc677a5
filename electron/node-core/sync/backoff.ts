/** How long the outbox waits after a failed pass: exponential, with jitter, capped. */
export interface BackoffSettings {
  /** The wait after the first failure (before jitter). */
  baseDelayMs: number;
  /** No wait is longer than this, not even one a collector asks for with Retry-After. */
  maxDelayMs: number;
}

/**
 * "Equal jitter": half the exponential step, plus a random part of the other half, so kiosks that
 * failed together do not retry together, and no wait is ever near zero.
 */
export function retryDelayMs(failures: number, retryAfterMs: number | null, settings: BackoffSettings, random: () => number = Math.random): number {
  const step = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** Math.max(0, failures - 1));
  const jittered = step / 2 + random() * (step / 2);
  return Math.min(settings.maxDelayMs, Math.max(jittered, retryAfterMs ?? 0));
}
