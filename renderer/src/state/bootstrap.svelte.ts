/**
 * Loads what the kiosk needs to draw its first screen. If the core cannot answer, the UI shows a
 * calm "resting" screen and tries again by itself; the detail goes to the console for support.
 */
import type { Bootstrap } from '@common/api/contract';
import { api } from '../lib/api';

const RETRY_MS = 5000;

export type BootState = { status: 'loading' } | { status: 'ready'; bootstrap: Bootstrap } | { status: 'unavailable' };

export class BootLoader {
  state = $state<BootState>({ status: 'loading' });
  #timer: ReturnType<typeof setTimeout> | undefined;

  async load(): Promise<void> {
    clearTimeout(this.#timer);
    try {
      this.state = { status: 'ready', bootstrap: await api.getBootstrap({}) };
    } catch (error) {
      console.warn('kiosk bootstrap failed; retrying', error);
      this.state = { status: 'unavailable' };
      this.#timer = setTimeout(() => void this.load(), RETRY_MS);
    }
  }
}
