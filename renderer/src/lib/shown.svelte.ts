/**
 * A screen can be built before it is shown: KioskShell renders the screen the patient most likely
 * sees next while they read the current one, hidden and inert, so the tap that leads there only
 * has to show it (issue 12's tap-latency budget). What belongs to being *on screen*, such as
 * taking focus or running a timer, therefore starts when the screen is shown, not when it is
 * mounted. The Staged wrapper says which through context; outside one, a component counts as shown.
 */
import { getContext, setContext, untrack } from 'svelte';

const SHOWN = Symbol('shown');

/** For Staged: the screens inside read `isShown` reactively. */
export function provideShown(isShown: () => boolean): void {
  setContext(SHOWN, isShown);
}

/**
 * Runs `start` whenever this component's screen is shown (at once if it already is); the cleanup
 * it returns runs when the screen is hidden or unmounted. Call it while the component initialises.
 */
export function whileShown(start: () => void | (() => void)): void {
  const isShown = getContext<(() => boolean) | undefined>(SHOWN) ?? (() => true);
  $effect(() => {
    if (isShown()) return untrack(start);
  });
}

/** Screen readers and keyboards start at a new screen's heading, not at the button just pressed. */
export function focusWhenShown(element: () => HTMLElement | undefined): void {
  whileShown(() => element()?.focus({ preventScroll: true }));
}
