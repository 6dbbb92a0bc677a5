/**
 * Loads what the kiosk needs to draw its first screen. Both shells inline it into the page beside
 * the welcome screen they rendered from it (renderer/src/ssr.ts), so the welcome screen is the first
 * paint and the page hydrates it; when the inlined copy is missing or unusable the API is asked. If the core cannot answer, the UI shows a calm "resting" screen and tries again by
 * itself; the detail goes to the console for support.
 * A page opened without its launch link (no key, or a key from an earlier launch) would never get
 * an answer: it says so and what to open instead, and does not retry.
 */
import type { Bootstrap } from '@common/api/contract';
import { ApiError } from '@common/api/errors';
import { INLINE_BOOTSTRAP_ID } from '@common/api/inline-bootstrap';
import { api, hasLaunchKey, inElectron } from '../lib/api';

const RETRY_MS = 5000;

export type BootState = { status: 'loading' } | { status: 'ready'; bootstrap: Bootstrap } | { status: 'unavailable' } | { status: 'needs-link' };

/** The bootstrap the server put into the page, taken out of the DOM once: later loads (retries) ask the API. */
export function takeInlineBootstrap(): Bootstrap | null {
  const element = document.getElementById(INLINE_BOOTSTRAP_ID);
  if (!element) return null;
  element.remove();
  let parsed: unknown;
  try {
    parsed = JSON.parse(element.textContent ?? '');
  } catch (error) {
    console.warn('the inlined bootstrap is unreadable; asking the kiosk service', error);
    return null;
  }
  if (hasBootstrapShape(parsed)) return parsed;
  console.warn('the inlined bootstrap lacks parts the screens need; asking the kiosk service');
  return null;
}

/**
 * The parts every screen reads first. Not the whole contract (its schemas would add to every
 * patient's download): enough that a page the server got wrong asks the API instead of going blank.
 */
function hasBootstrapShape(value: unknown): value is Bootstrap {
  const isObject = (part: unknown): part is Record<string, unknown> => typeof part === 'object' && part !== null && !Array.isArray(part);
  return (
    isObject(value) &&
    isObject(value.content) &&
    Array.isArray(value.content.sections) &&
    isObject(value.strings) &&
    isObject(value.clinic) &&
    isObject(value.session) &&
    Array.isArray(value.locales)
  );
}

export class BootLoader {
  state = $state<BootState>({ status: 'loading' });
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Ready from the inlined bootstrap, whose launch key no call has checked yet. */
  #keyUnchecked = false;

  /** With the page's inlined bootstrap the first render (on the server too) is already the welcome screen. */
  constructor(inline: Bootstrap | null) {
    if (!inline) return;
    this.state = { status: 'ready', bootstrap: inline };
    // Only the browser shell has a launch key; Electron's IPC has none to check.
    this.#keyUnchecked = !inElectron;
  }

  /** Runs in the page once it is drawn (never on the server): checks the key, or fetches the bootstrap. */
  async load(): Promise<void> {
    clearTimeout(this.#timer);
    if (!hasLaunchKey) {
      this.state = { status: 'needs-link' };
      return;
    }
    if (this.#keyUnchecked) {
      this.#keyUnchecked = false;
      // The inlined copy needs no key, so the key itself is checked once the welcome screen is
      // drawn (a task later, never before it): a key from an earlier launch would fail every call.
      setTimeout(() => void this.#checkKey(), 0);
      return;
    }
    try {
      this.state = { status: 'ready', bootstrap: await api.getBootstrap({}) };
    } catch (error) {
      if (isRefusedKey(error)) return this.#refused(error);
      console.warn('kiosk bootstrap failed; retrying', error);
      this.state = { status: 'unavailable' };
      this.#timer = setTimeout(() => void this.load(), RETRY_MS);
    }
  }

  async #checkKey(): Promise<void> {
    try {
      await api.getBootstrap({});
    } catch (error) {
      // Any other trouble shows on the call that meets it.
      if (isRefusedKey(error)) this.#refused(error);
    }
  }

  #refused(error: unknown): void {
    console.warn("the kiosk refused this page's launch key", error);
    this.state = { status: 'needs-link' };
  }
}

function isRefusedKey(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthorized';
}
