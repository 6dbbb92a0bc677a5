/**
 * The kiosk database as the API sees it: behind a guard that turns storage failures into the
 * contract's `unavailable` error, so the patient sees a calm message and the kiosk keeps running.
 * If the database cannot be opened at startup (read-only disk, say), the kiosk still shows its
 * content and tries to open the database again on the next submit.
 */
import type { FeedbackReceipt } from '../common/api/contract.js';
import { ApiError } from '../common/api/errors.js';
import type { FeedbackSubmission } from '../common/feedback/schema.js';
import type { IncidentLog } from './incidents.js';
import type { KioskSettings } from './kiosk-settings.js';
import type { Logger } from './log/logger.js';
import { StorageUnavailableError } from './storage/errors.js';
import { KioskDatabase } from './storage/kiosk-database.js';

export interface FeedbackServiceOptions {
  dataDir: string;
  /** Asked at each submit for the kiosk id: an admin may rename the kiosk while it runs. */
  settings: KioskSettings;
  logger: Logger;
  incidents: IncidentLog;
  /** Disk space the database leaves free (config `diskHeadroomMegabytes`). */
  diskHeadroomBytes?: number;
  now?: () => Date;
}

export class FeedbackService {
  #database: KioskDatabase | null = null;

  constructor(private readonly options: FeedbackServiceOptions) {
    this.#database = this.#open();
  }

  /** The open database, or null while it cannot be opened (each call tries again). */
  get database(): KioskDatabase | null {
    return (this.#database ??= this.#open());
  }

  /** The database if it is open, without trying again: for reads that have a fallback. */
  get databaseIfOpen(): KioskDatabase | null {
    return this.#database;
  }

  /**
   * Runs `work` on the open database. One that cannot be opened, or that fails during the work,
   * becomes the contract's `unavailable` error, named by `failure`; nothing else is caught.
   */
  async use<T>(work: (database: KioskDatabase) => T | Promise<T>, failure = 'the feedback database failed'): Promise<T> {
    const database = this.database;
    if (!database) throw new ApiError('unavailable', 'the feedback database cannot be opened');
    try {
      return await work(database);
    } catch (error) {
      if (error instanceof StorageUnavailableError) throw new ApiError('unavailable', `${failure} (${error.reason})`);
      throw error;
    }
  }

  submit(submission: FeedbackSubmission): Promise<FeedbackReceipt> {
    return this.use(({ feedback, settings }) => {
      const { kioskId, keepPartialFeedback } = this.options.settings.current(settings);
      // The renderer only sends unfinished feedback when the clinic keeps it; the core enforces that too.
      if (submission.partial && !keepPartialFeedback) throw new ApiError('invalid_input', 'partial: this kiosk does not keep unfinished feedback', 'partial');
      const { duplicate } = feedback.submit(submission, { kioskId });
      return { id: submission.id, duplicate };
    }, 'feedback could not be saved');
  }

  close(): void {
    this.#database?.close();
    this.#database = null;
  }

  #open(): KioskDatabase | null {
    const { dataDir, settings, logger, incidents, diskHeadroomBytes, now } = this.options;
    try {
      const database = new KioskDatabase({ dataDir, kioskId: settings.defaults().kioskId, logger, diskHeadroomBytes, now });
      incidents.attach((incident) => database.incidents.record(incident));
      return database;
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      logger.error({ err: error }, 'the feedback database cannot be opened; feedback cannot be saved until it can');
      incidents.record('database', 'Feedback cannot be saved: the database could not be opened.', error.message);
      return null;
    }
  }
}
