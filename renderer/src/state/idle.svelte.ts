/**
 * Notices when the patient has walked away. After `timeoutSeconds` without a touch or key press,
 * it raises a warning with a countdown; when that runs out it calls `onExpire` (the kiosk starts
 * over). Any touch before the warning, or "I'm still here" during it, starts the wait again.
 */
export interface IdleOptions {
  timeoutSeconds: number;
  warningSeconds: number;
  /** Nothing to protect (a fresh welcome screen): no warning, no reset. */
  isPristine: () => boolean;
  onExpire: () => void;
}

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export class IdleWatcher {
  /** Seconds left on the warning's countdown, or null while no warning shows. */
  secondsLeft = $state<number | null>(null);
  #idleTimer: ReturnType<typeof setTimeout> | undefined;
  #countdown: ReturnType<typeof setInterval> | undefined;
  readonly #options: IdleOptions;
  readonly #onActivity = () => {
    // While the warning shows, only its own button counts: a stray touch must not hide it.
    if (this.secondsLeft === null) this.#restart();
  };

  constructor(options: IdleOptions) {
    this.#options = options;
  }

  /** Starts watching; returns the function that stops it (for an $effect's cleanup). */
  start(): () => void {
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, this.#onActivity, { capture: true, passive: true });
    this.#restart();
    return () => {
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, this.#onActivity, { capture: true });
      this.#clear();
    };
  }

  /** "I'm still here". */
  stay(): void {
    this.#restart();
  }

  #restart(): void {
    this.#clear();
    this.#idleTimer = setTimeout(() => this.#warn(), this.#options.timeoutSeconds * 1000);
  }

  #warn(): void {
    if (this.#options.isPristine()) return this.#restart();
    this.secondsLeft = this.#options.warningSeconds;
    this.#countdown = setInterval(() => {
      const left = (this.secondsLeft ?? 1) - 1;
      if (left > 0) {
        this.secondsLeft = left;
        return;
      }
      this.#clear();
      this.#options.onExpire();
      this.#restart();
    }, 1000);
  }

  #clear(): void {
    clearTimeout(this.#idleTimer);
    clearInterval(this.#countdown);
    this.secondsLeft = null;
  }
}
