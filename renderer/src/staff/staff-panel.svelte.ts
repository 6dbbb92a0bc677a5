/**
 * The staff panel's state: which screen it shows, and the staff session while it is unlocked.
 * The session token lives only here, in memory, and is handed back (lockStaff) when the panel
 * closes, however it closes. Nothing of the patient's is ever read from here.
 */
import { ApiError } from '@common/api/errors';
import type { StaffRole, UnlockResult } from '@common/api/staff';
import { api } from '../lib/api';

/** Why the PIN pad shows a note above it. */
export type PinNotice = 'pins-saved' | 'session-ended';

export type PanelView =
  | { name: 'opening' }
  | { name: 'unavailable' }
  | { name: 'setup' }
  /** No PINs, but there were some once (e.g. a damaged file was set aside): only the operator may set them. */
  | { name: 'needs-operator' }
  | { name: 'pin'; notice: PinNotice | null }
  | { name: 'unlocked'; role: StaffRole };

export class StaffPanelState {
  view = $state<PanelView>({ name: 'opening' });
  #session: string | null = null;

  /** First run (no PINs ever) opens on the setup screen, every later run on the PIN pad. */
  async open(): Promise<void> {
    try {
      const { pinsConfigured, setupAllowed } = await api.getStaffSetup({});
      this.view = pinsConfigured ? { name: 'pin', notice: null } : setupAllowed ? { name: 'setup' } : { name: 'needs-operator' };
    } catch (error) {
      console.warn('the staff panel could not start', error);
      this.view = { name: 'unavailable' };
    }
  }

  async setupPins(staffPin: string, adminPin: string): Promise<void> {
    try {
      await api.setupPins({ staffPin, adminPin });
    } catch (error) {
      // Someone set them meanwhile (the CLI): the PIN pad is the way on.
      if (!(error instanceof ApiError && error.code === 'unauthorized')) throw error;
    }
    this.view = { name: 'pin', notice: 'pins-saved' };
  }

  /** Seconds the PIN pad stays locked, as the kiosk sees it now (the operator may have lifted the lock). */
  async lockedForSeconds(): Promise<number> {
    return (await api.getStaffSetup({})).lockedForSeconds;
  }

  async unlock(pin: string): Promise<UnlockResult> {
    const result = await api.unlockStaff({ pin });
    if (result.outcome === 'unlocked') {
      this.#session = result.session;
      this.view = { name: 'unlocked', role: result.role };
    }
    return result;
  }

  /** Makes a staff call with the session. One that has ended sends the panel back to the PIN pad. */
  async call<T>(request: (session: string) => Promise<T>): Promise<T> {
    const session = this.#session;
    if (session === null) throw new ApiError('unauthorized', 'the staff panel is locked');
    try {
      return await request(session);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'unauthorized') {
        this.#session = null;
        this.view = { name: 'pin', notice: 'session-ended' };
      }
      throw error;
    }
  }

  /** Ends the session on the kiosk's side. Fire and forget: the panel is closing anyway. */
  lock(): void {
    const session = this.#session;
    this.#session = null;
    if (session !== null) api.lockStaff({ session }).catch((error: unknown) => console.warn('the staff session was not ended cleanly', error));
  }
}
