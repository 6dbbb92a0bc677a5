/**
 * The staff corner's hidden gesture: a burst of quick taps in one place. Plain TypeScript with the
 * clock passed in, so the rule ("5 taps within 3 seconds") can be checked without a browser.
 */
import type { Attachment } from 'svelte/attachments';

export const STAFF_TAPS = 5;
export const STAFF_TAPS_WITHIN_MS = 3000;

export class TapBurst {
  #times: number[] = [];

  constructor(
    readonly taps = STAFF_TAPS,
    readonly withinMs = STAFF_TAPS_WITHIN_MS,
  ) {}

  /** Records a tap at `now` (ms); true when it completes a burst, which then starts afresh. */
  tap(now: number): boolean {
    this.#times = [...this.#times.filter((time) => now - time <= this.withinMs), now];
    if (this.#times.length < this.taps) return false;
    this.#times = [];
    return true;
  }
}

/**
 * Listens for the burst on an element without making it look or act like a control: no role, no
 * focus, no press feedback, nothing a patient would notice. One finger only (`isPrimary`).
 */
export function onTapBurst(onBurst: () => void, burst = new TapBurst()): Attachment<HTMLElement> {
  return (element) => {
    const onPointerDown = (event: PointerEvent) => {
      if (event.isPrimary && burst.tap(performance.now())) onBurst();
    };
    element.addEventListener('pointerdown', onPointerDown);
    return () => element.removeEventListener('pointerdown', onPointerDown);
  };
}
