/**
 * The admin's settings, as a form: filled from getSettings, checked where the browser can, and
 * saved whole with updateSettings. The kiosk checks again and names the field at fault, which the
 * form shows next to that field.
 */
import { ApiError } from '@common/api/errors';
import type { Settings } from '@common/api/staff';
import { api } from '../../lib/api';
import type { StaffPanelState } from '../staff-panel.svelte';

export const SETTINGS_FIELDS = ['idleTimeoutSeconds', 'kioskId', 'syncEndpoint', 'retentionDays'] as const;
export type SettingsField = (typeof SETTINGS_FIELDS)[number];

const DEFAULT_RETENTION_DAYS = 90;

export class SettingsForm {
  idleTimeoutSeconds = $state<number | null>(null);
  kioskId = $state('');
  syncEndpoint = $state('');
  retentionOn = $state(false);
  retentionDays = $state<number | null>(DEFAULT_RETENTION_DAYS);
  keepPartialFeedback = $state(false);

  saving = $state(false);
  saved = $state<'saved' | 'failed' | null>(null);
  fieldError = $state<SettingsField | null>(null);
  retention = $state<{ status: 'running' } | { status: 'done'; deleted: number } | { status: 'failed' } | null>(null);

  constructor(settings: Settings) {
    this.idleTimeoutSeconds = settings.idleTimeoutSeconds;
    this.kioskId = settings.kioskId;
    this.syncEndpoint = settings.syncEndpoint ?? '';
    this.retentionOn = settings.retentionDays !== null;
    this.retentionDays = settings.retentionDays ?? DEFAULT_RETENTION_DAYS;
    this.keepPartialFeedback = settings.keepPartialFeedback;
  }

  /** Whole numbers are checked here (an empty number field has no value to send); the rest by the kiosk. */
  #localError(): SettingsField | null {
    if (!Number.isInteger(this.idleTimeoutSeconds)) return 'idleTimeoutSeconds';
    if (this.retentionOn && !Number.isInteger(this.retentionDays)) return 'retentionDays';
    return null;
  }

  /** Resolves to the settings as saved, or null when they were not. */
  async save(panel: StaffPanelState): Promise<Settings | null> {
    this.saved = null;
    this.fieldError = this.#localError();
    if (this.fieldError) return null;
    this.saving = true;
    try {
      const settings: Settings = {
        idleTimeoutSeconds: this.idleTimeoutSeconds!,
        kioskId: this.kioskId.trim(),
        syncEndpoint: this.syncEndpoint.trim() || null,
        retentionDays: this.retentionOn ? this.retentionDays! : null,
        keepPartialFeedback: this.keepPartialFeedback,
      };
      const saved = await panel.call((session) => api.updateSettings({ session, settings }));
      this.saved = 'saved';
      return saved;
    } catch (error) {
      this.fieldError = fieldAtFault(error);
      if (!this.fieldError) {
        console.warn('the settings were not saved', error);
        this.saved = 'failed';
      }
      return null;
    } finally {
      this.saving = false;
    }
  }

  async deleteOldFeedback(panel: StaffPanelState): Promise<void> {
    this.retention = { status: 'running' };
    try {
      const { deleted } = await panel.call((session) => api.runRetention({ session }));
      this.retention = { status: 'done', deleted };
    } catch (error) {
      console.warn('old feedback was not deleted', error);
      this.retention = { status: 'failed' };
    }
  }
}

/** `settings.kioskId` (the contract's path) → `kioskId`, for the fields this form has. */
function fieldAtFault(error: unknown): SettingsField | null {
  if (!(error instanceof ApiError) || error.code !== 'invalid_input' || !error.field) return null;
  const field = error.field.replace(/^settings\./, '');
  return (SETTINGS_FIELDS as readonly string[]).includes(field) ? (field as SettingsField) : null;
}
