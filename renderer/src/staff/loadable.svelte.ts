/** Something the panel loads from the kiosk (status, settings, dashboard), with the load's truth. */

export type LoadState<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'failed' };

export class Loadable<T> {
  // Raw: a loaded value is replaced whole, never changed in place (and Chart.js may annotate its arrays).
  state = $state.raw<LoadState<T>>({ status: 'loading' });
  readonly #load: () => Promise<T>;

  constructor(load: () => Promise<T>) {
    this.#load = load;
  }

  async reload(): Promise<void> {
    this.state = { status: 'loading' };
    try {
      this.state = { status: 'ready', value: await this.#load() };
    } catch (error) {
      console.warn('the staff panel could not load', error);
      this.state = { status: 'failed' };
    }
  }
}
