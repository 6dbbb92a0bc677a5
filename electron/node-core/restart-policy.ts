/**
 * The one back-off policy both shells use when their window's page dies: the Electron shell for a
 * crashed or hung renderer or a failed load, the browser shell's supervisor for a Chromium that
 * exited or whose page crashed, and the Electron main process for its own relaunch.
 *
 * Each failure waits a little longer than the one before; failures older than the window are
 * forgotten, so a kiosk that crashed once last week starts again from the shortest delay. At
 * `tooOftenAfter` failures inside the window the shell shows a calm "please let the front desk
 * know" page, and keeps trying.
 */
export const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 15_000, 30_000, 60_000] as const;
export const RESTART_WINDOW_MS = 5 * 60_000;
export const TOO_OFTEN_AFTER = 3;

export interface RestartDecision {
  /** How long to wait before the next try. */
  delayMs: number;
  /** Failures inside the window so far, this one included. */
  recentFailures: number;
  /** True once failures came too often: show the "please let the front desk know" page. */
  tooOften: boolean;
}

export class RestartBackoff {
  #failures: number[];

  /** `history`: earlier failure times (ms), e.g. read back from a file after a relaunch. */
  constructor(
    private readonly now: () => number = Date.now,
    history: readonly number[] = [],
  ) {
    this.#failures = [...history];
  }

  /** Records a failure now and says what to do about it. */
  failed(): RestartDecision {
    const at = this.now();
    this.#failures = [...this.#failures.filter((time) => at - time < RESTART_WINDOW_MS && time <= at), at];
    const recentFailures = this.#failures.length;
    const delayMs = RESTART_DELAYS_MS[Math.min(recentFailures, RESTART_DELAYS_MS.length) - 1]!;
    return { delayMs, recentFailures, tooOften: recentFailures >= TOO_OFTEN_AFTER };
  }

  /** The failure times still inside the window, to carry over a relaunch. */
  get history(): readonly number[] {
    return this.#failures;
  }
}
