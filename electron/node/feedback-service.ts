/**
 * Feedback as the API sees it: the store behind a guard that turns storage failures into the
 * contract's `unavailable` error, so the patient sees a calm message and the kiosk keeps running.
 * If the database cannot be opened at startup (read-only disk, say), the kiosk still shows its
 * content and tries to open the database again on the next submit.
 */
import type { FeedbackReceipt } from '../common/api/contract.js';
import { ApiError } from '../common/api/errors.js';
import type { FeedbackSubmission } from '../common/feedback/schema.js';
import type { IncidentLog } from './incidents.js';
import type { Logger } from './log/logger.js';
import { StorageUnavailableError } from './storage/errors.js';
import { openFeedbackStore, type FeedbackStore } from './storage/feedback-store.js';

export interface FeedbackServiceOptions {
  dataDir: string;
  kioskId: string;
  logger: Logger;
  incidents: IncidentLog;
}

export class FeedbackService {
  #store: FeedbackStore | null = null;

  constructor(private readonly options: FeedbackServiceOptions) {
    this.#store = this.#open();
  }

  /** The open store, or null while the database cannot be opened. */
  get store(): FeedbackStore | null {
    return (this.#store ??= this.#open());
  }

  submit(submission: FeedbackSubmission): FeedbackReceipt {
    const store = this.store;
    if (!store) throw new ApiError('unavailable', 'the feedback database cannot be opened');
    try {
      const { duplicate } = store.submit(submission, { kioskId: this.options.kioskId });
      return { id: submission.id, duplicate };
    } catch (error) {
      if (error instanceof StorageUnavailableError) throw new ApiError('unavailable', `feedback could not be saved (${error.reason})`);
      throw error;
    }
  }

  close(): void {
    this.#store?.close();
    this.#store = null;
  }

  #open(): FeedbackStore | null {
    const { dataDir, kioskId, logger, incidents } = this.options;
    try {
      const store = openFeedbackStore({ dataDir, kioskId, logger });
      incidents.attach((incident) => store.recordIncident(incident));
      return store;
    } catch (error) {
      if (!(error instanceof StorageUnavailableError)) throw error;
      logger.error({ err: error }, 'the feedback database cannot be opened; feedback cannot be saved until it can');
      incidents.record('database', 'Feedback cannot be saved: the database could not be opened.', error.message);
      return null;
    }
  }
}
