/**
 * The admin's export: where the files go depends on the shell. Electron asks for a folder (a USB
 * stick, say) and writes there, and the rows count as exported once the file is safely on it. The
 * browser shell stages the files in its own folder under `<dataDir>/exports/` and hands out one-time
 * download links; the rows count as exported only when the file's last byte was sent.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ApiInput } from '../../common/api/contract.js';
import { ApiError } from '../../common/api/errors.js';
import { COARSEN_EXPORTS_BY_DEFAULT } from '../../common/feedback/time-precision.js';
import type { PreparedExport } from '../../common/api/staff.js';
import type { Logger } from '../log/logger.js';
import type { ShellCapabilities } from '../shell.js';
import type { FeedbackRepository } from '../storage/feedback-repository.js';
import type { DownloadTickets } from './download-tickets.js';
import { makePrivateDir } from '../storage/private-files.js';
import { exportFileName, freeFileName } from './file-names.js';
import { exportFeedback, writeExport, type WrittenExport } from './write-export.js';

export interface ExporterOptions {
  dataDir: string;
  shell: ShellCapabilities;
  tickets: DownloadTickets;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  now: () => Date;
  /** The content pack's topic ids: the export's topic columns. */
  topics: readonly string[];
  /** Marks rows exported once their download was sent; the database may have been reopened since. */
  markExported: (seqs: readonly number[]) => Promise<unknown>;
}

/** Where browser shells stage files for download: one folder per process, `<pid>-<random>`. */
export const downloadStagingRoot = (dataDir: string) => join(dataDir, 'exports');

export class Exporter {
  /** This process's own staging folder: a second kiosk process on the same data folder has another. */
  readonly stagingDir: string;

  constructor(private readonly options: ExporterOptions) {
    this.stagingDir = join(downloadStagingRoot(options.dataDir), `${process.pid}-${randomBytes(4).toString('hex')}`);
    removeOrphanedStaging(downloadStagingRoot(options.dataDir));
  }

  /** Staged files go with the process; their links die with it anyway. */
  close(): void {
    rmSync(this.stagingDir, { recursive: true, force: true });
  }

  async prepare(feedback: FeedbackRepository, kioskId: string, request: ApiInput<'prepareExport'>): Promise<PreparedExport> {
    const { shell, tickets, logger, now, topics } = this.options;
    const { format, since, until, onlyUnexported, destination } = request;
    const name = exportFileName(kioskId, since, until, format);

    let dir: string;
    if (destination === 'folder') {
      if (!shell.chooseExportFolder) throw new ApiError('invalid_input', 'this shell cannot save to a folder');
      const chosen = await shell.chooseExportFolder();
      if (chosen === null) {
        logger.info({ event: 'export', outcome: 'cancelled' }, 'export cancelled at the folder dialog');
        return { outcome: 'cancelled' };
      }
      dir = chosen;
    } else {
      if (!shell.servesDownloads) throw new ApiError('invalid_input', 'this shell cannot offer downloads');
      dir = this.stagingDir;
    }

    const fileName = freeFileName(dir, name);
    const options = { format, since, until, onlyUnexported, coarsenToHour: request.coarsenToHour ?? COARSEN_EXPORTS_BY_DEFAULT };
    let written: WrittenExport;
    try {
      if (destination === 'folder') {
        mkdirSync(dir, { recursive: true });
        written = await exportFeedback(feedback, options, join(dir, fileName), { kioskId, now, topics });
      } else {
        makePrivateDir(dir);
        written = await writeExport(feedback, options, join(dir, fileName), { kioskId, now, topics });
      }
    } catch (error) {
      // A full or read-only stick, a pulled drive: the admin can fix that and try again.
      const code = (error as { syscall?: unknown; code?: unknown }).syscall ? (error as { code?: string }).code : undefined;
      if (!code) throw error;
      logger.warn({ event: 'export', outcome: 'failed', dir, code }, 'export could not be written');
      throw new ApiError('unavailable', `the export could not be written to ${dir} (${code})`);
    }
    logger.info({ event: 'export', outcome: 'written', file: written.file, rows: written.rows, format, since, until, onlyUnexported }, 'feedback exported');

    const files = { fileName, manifestFileName: basename(written.manifestFile), rows: written.rows, sha256: written.sha256 };
    if (destination === 'folder') return { outcome: 'saved', folder: dir, ...files };
    return {
      outcome: 'download',
      downloadUrl: tickets.issue(written.file, fileName, () => this.#delivered(written)),
      manifestUrl: tickets.issue(written.manifestFile, files.manifestFileName),
      ...files,
    };
  }

  #delivered({ file, seqs }: WrittenExport): void {
    this.options.markExported(seqs).then(
      () => this.options.logger.info({ event: 'export', outcome: 'delivered', file, rows: seqs.length }, 'download sent; its rows are marked exported'),
      // The rows stay unexported and will be offered again: a duplicate, never a loss.
      (error: unknown) => this.options.logger.error({ err: error, file }, 'download sent, but its rows could not be marked exported'),
    );
  }
}

/**
 * Removes what no running kiosk owns: folders of processes that have ended (their links died with
 * them) and files an older version staged loose in the root.
 */
function removeOrphanedStaging(root: string): void {
  let entries: string[];
  try {
    entries = readdirSync(root);
  } catch {
    return;
  }
  for (const name of entries) {
    const pid = Number(/^(\d+)-[0-9a-f]+$/.exec(name)?.[1]);
    if (Number.isSafeInteger(pid) && isRunning(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
