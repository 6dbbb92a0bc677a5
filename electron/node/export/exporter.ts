/**
 * The admin's export: where the files go depends on the shell. Electron asks for a folder (a USB
 * stick, say) and writes there; the browser shell writes into `<dataDir>/exports/` and hands out
 * one-time download links for the file and its manifest.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiInput } from '../../common/api/contract.js';
import { ApiError } from '../../common/api/errors.js';
import type { PreparedExport } from '../../common/api/staff.js';
import type { Logger } from '../log/logger.js';
import type { ShellCapabilities } from '../shell.js';
import type { FeedbackStore } from '../storage/feedback-store.js';
import type { DownloadTickets } from './download-tickets.js';
import { exportFileName, freeFileName } from './file-names.js';
import { coarsenByDefault, exportFeedback, manifestFileFor, type WrittenExport } from './write-export.js';

export interface ExporterOptions {
  dataDir: string;
  shell: ShellCapabilities;
  tickets: DownloadTickets;
  logger: Pick<Logger, 'info' | 'warn'>;
  now: () => Date;
}

/** Where the browser shell stages files for download; nothing in it outlives its link. */
export const downloadStagingDir = (dataDir: string) => join(dataDir, 'exports');

export class Exporter {
  constructor(private readonly options: ExporterOptions) {
    // Files left by a run that stopped before their links were used or expired.
    rmSync(downloadStagingDir(options.dataDir), { recursive: true, force: true });
  }

  async prepare(store: FeedbackStore, kioskId: string, request: ApiInput<'prepareExport'>): Promise<PreparedExport> {
    const { shell, tickets, logger, now } = this.options;
    const { format, since, until, onlyUnexported, destination } = request;
    const name = exportFileName(kioskId, since, until, format);

    let dir: string;
    if (destination === 'folder') {
      if (!shell.chooseExportFolder) throw new ApiError('invalid_input', 'this shell cannot save to a folder');
      const chosen = await shell.chooseExportFolder();
      if (chosen === null) {
        logger.info({ event: 'export', outcome: 'cancelled' }, 'export cancelled at the folder dialog');
        return { fileName: name, manifestFileName: manifestFileFor(name), rows: 0, sha256: '', savedTo: null, downloadUrl: null, manifestUrl: null };
      }
      dir = chosen;
    } else {
      if (!shell.servesDownloads) throw new ApiError('invalid_input', 'this shell cannot offer downloads');
      dir = downloadStagingDir(this.options.dataDir);
    }

    const fileName = freeFileName(dir, name);
    const options = { format, since, until, onlyUnexported, coarsenToHour: request.coarsenToHour ?? coarsenByDefault(format) };
    let written: WrittenExport;
    try {
      mkdirSync(dir, { recursive: true });
      written = await exportFeedback(store, options, join(dir, fileName), { kioskId, now });
    } catch (error) {
      // A full or read-only stick, a pulled drive: the admin can fix that and try again.
      const code = (error as { syscall?: unknown; code?: unknown }).syscall ? (error as { code?: string }).code : undefined;
      if (!code) throw error;
      logger.warn({ event: 'export', outcome: 'failed', dir, code }, 'export could not be written');
      throw new ApiError('unavailable', `the export could not be written to ${dir} (${code})`);
    }
    logger.info({ event: 'export', outcome: 'written', file: written.file, rows: written.rows, format, since, until, onlyUnexported }, 'feedback exported');

    const manifestFileName = basename(written.manifestFile);
    const download = destination === 'download';
    return {
      fileName,
      manifestFileName,
      rows: written.rows,
      sha256: written.sha256,
      savedTo: download ? null : dir,
      downloadUrl: download ? tickets.issue(written.file, fileName) : null,
      manifestUrl: download ? tickets.issue(written.manifestFile, manifestFileName) : null,
    };
  }
}
