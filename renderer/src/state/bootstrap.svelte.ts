/**
 * Loads what the kiosk needs to draw its first screen. If the core cannot answer, the UI shows a
 * calm "resting" screen and tries again by itself; the detail goes to the console for support.
 * A page opened without its launch link (no key, or a key from an earlier launch) would never get
 * an answer: it says so and what to open instead, and does not retry.
 */
import type { Bootstrap } from '@common/api/contract';
import { ApiError } from '@common/api/errors';
import { api, hasLaunchKey } from '../lib/api';

const RETRY_MS = 5000;

export type BootState = { status: 'loading' } | { status: 'ready'; bootstrap: Bootstrap } | { status: 'unavailable' } | { status: 'needs-link' };

export class BootLoader {
  state = $state<BootState>({ status: 'loading' });
  #timer: ReturnType<typeof setTimeout> | undefined;

  async load(): Promise<void> {
    clearTimeout(this.#timer);
    if (!hasLaunchKey) {
      this.state = { status: 'needs-link' };
      return;
    }
    try {
      this.state = { status: 'ready', bootstrap: await api.getBootstrap({}) };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized') {
        console.warn('the kiosk refused this page\'s launch key', error);
        this.state = { status: 'needs-link' };
        return;
      }
      console.warn('kiosk bootstrap failed; retrying', error);
      this.state = { status: 'unavailable' };
      this.#timer = setTimeout(() => void this.load(), RETRY_MS);
    }
  }
}
