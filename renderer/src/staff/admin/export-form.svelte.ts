/**
 * The admin's export: format, an optional date range, "only not yet exported" and coarse times.
 * The browser shell hands back one-time links, which the page downloads at once (the file, then
 * its manifest); the Electron shell asks for a folder (a USB stick, say) and writes there.
 */
import { ApiError } from '@common/api/errors';
import type { ExportFormat, PreparedExport } from '@common/api/staff';
import { parseLocalDate } from '@common/dates';
import { COARSEN_EXPORTS_BY_DEFAULT } from '@common/feedback/time-precision';
import { api, inElectron } from '../../lib/api';
import type { StaffPanelState } from '../staff-panel.svelte';

export type ExportOutcome =
  | { kind: 'exported'; prepared: Exclude<PreparedExport, { outcome: 'cancelled' }> }
  | { kind: 'cancelled' }
  | { kind: 'untilBeforeSince' }
  /** A date outside the rule the kiosk checks (common/dates.ts), e.g. the year 9999. */
  | { kind: 'badDate'; field: 'since' | 'until' }
  | { kind: 'failed' };

export class ExportForm {
  format = $state<ExportFormat>('csv');
  /** Local dates (`YYYY-MM-DD`) from the date fields; empty for an open end. */
  since = $state('');
  until = $state('');
  onlyUnexported = $state(false);
  busy = $state(false);
  outcome = $state<ExportOutcome | null>(null);
  /** Coarse times in every format unless the admin unticks it. */
  coarsenToHour = $state(COARSEN_EXPORTS_BY_DEFAULT);

  async run(panel: StaffPanelState): Promise<void> {
    for (const field of ['since', 'until'] as const) {
      if (this[field] && parseLocalDate(this[field]) === null) {
        this.outcome = { kind: 'badDate', field };
        return;
      }
    }
    this.busy = true;
    this.outcome = null;
    const destination = inElectron ? 'folder' : 'download';
    try {
      const prepared = await panel.call((session) =>
        api.prepareExport({
          session,
          format: this.format,
          since: this.since || undefined,
          until: this.until || undefined,
          onlyUnexported: this.onlyUnexported,
          coarsenToHour: this.coarsenToHour,
          destination,
        }),
      );
      if (prepared.outcome === 'cancelled') {
        this.outcome = { kind: 'cancelled' };
        return;
      }
      if (prepared.outcome === 'download') {
        download(prepared.downloadUrl, prepared.fileName);
        download(prepared.manifestUrl, prepared.manifestFileName);
      }
      this.outcome = { kind: 'exported', prepared };
    } catch (error) {
      console.warn('the export did not work', error);
      const rangeError = error instanceof ApiError && error.code === 'invalid_input' && error.field === 'until';
      this.outcome = { kind: rangeError ? 'untilBeforeSince' : 'failed' };
    } finally {
      this.busy = false;
    }
  }
}

function download(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
}
