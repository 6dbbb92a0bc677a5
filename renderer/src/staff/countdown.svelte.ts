/** A whole-second countdown for the screen (the PIN lock). Stop it when its screen goes away. */
export class Countdown {
  secondsLeft = $state(0);
  #timer: ReturnType<typeof setInterval> | undefined;

  get running(): boolean {
    return this.secondsLeft > 0;
  }

  start(seconds: number): void {
    this.stop();
    this.secondsLeft = Math.max(0, Math.ceil(seconds));
    if (this.secondsLeft === 0) return;
    this.#timer = setInterval(() => {
      this.secondsLeft = Math.max(0, this.secondsLeft - 1);
      if (this.secondsLeft === 0) this.stop();
    }, 1000);
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
