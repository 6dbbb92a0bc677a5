/**
 * The kiosk's core, free of Electron: it reads configuration and content and implements the API
 * contract. Both shells start one of these and put their transport in front of it.
 */
import type { Bootstrap, KioskApi } from '../common/api/contract.js';
import { ApiError } from '../common/api/errors.js';
import type { KioskConfig } from '../common/config/schema.js';
import { packMismatch } from '../common/feedback/matches-pack.js';
import { describeFieldError } from '../common/validation.js';
import { configFilePath, loadConfig, readLogoDataUrl, resolveConfigPath } from './config/load-config.js';
import { configuredContentPack } from './content/choose-content.js';
import { Languages } from './content/languages.js';
import { DownloadTickets } from './export/download-tickets.js';
import { Exporter } from './export/exporter.js';
import { FeedbackService } from './feedback-service.js';
import { IncidentLog } from './incidents.js';
import { KioskSettings } from './kiosk-settings.js';
import { makePrivateDir } from './storage/private-files.js';
import type { Logger } from './log/logger.js';
import type { ShellCapabilities } from './shell.js';
import { applyRetention, scheduleDaily } from './staff/retention.js';
import { StaffSessions } from './staff/sessions.js';
import type { ScryptCost } from './staff/pin-hash.js';
import { StaffAccess } from './staff/staff-access.js';
import { createStaffApi } from './staff/staff-api.js';
import { SyncOutbox, type SyncTiming } from './sync/outbox.js';
import { credentialsTokenStore } from './sync/token-store.js';

export type { ShellCapabilities } from './shell.js';

export interface KioskCoreOptions {
  dataDir: string;
  logger: Logger;
  /** What the shell around the core can do: folder dialogs, downloads, quitting. */
  shell: ShellCapabilities;
  env?: NodeJS.ProcessEnv;
  /** The clock, for tests: PIN locks, session expiry, download tickets, retention, timestamps. */
  now?: () => Date;
  /** Sync's timeouts and back-off, for tests; `false` keeps background sync off (Sync now still works). */
  syncTiming?: Partial<SyncTiming> | false;
  /** For tests only: a cheap scrypt cost for new PIN hashes (the kiosk uses PIN_HASH_COST). */
  pinHashCost?: ScryptCost;
}

export interface KioskCore {
  readonly api: KioskApi;
  readonly config: KioskConfig;
  readonly dataDir: string;
  readonly incidents: IncidentLog;
  readonly feedback: FeedbackService;
  readonly settings: KioskSettings;
  /** The one-time download links the browser shell serves. */
  readonly downloads: DownloadTickets;
  readonly sync: SyncOutbox;
  close(): void;
}

export function startKioskCore({
  dataDir,
  logger,
  shell,
  env = process.env,
  now = () => new Date(),
  syncTiming = {},
  pinHashCost,
}: KioskCoreOptions): KioskCore {
  const incidents = new IncidentLog();
  try {
    makePrivateDir(dataDir);
  } catch (error) {
    // A read-only or full disk: the kiosk still shows its content; saving fails calmly later.
    logger.error({ err: error, dataDir }, 'the data folder cannot be created');
  }

  const loaded = loadConfig(configFilePath(dataDir, env));
  if (loaded.error) {
    logger.error({ detail: loaded.error }, 'configuration rejected; running on embedded defaults');
    incidents.record('config', 'The kiosk settings file could not be used, so the kiosk runs on its defaults.', loaded.error);
  }
  const { config } = loaded;

  const languages = new Languages(configuredContentPack(loaded, incidents, logger), config.clinic.name, incidents, logger);
  const { content } = languages.bundle(languages.defaultLocale);

  let logoDataUrl: string | null = null;
  if (config.clinic.logoFile) {
    try {
      logoDataUrl = readLogoDataUrl(resolveConfigPath(loaded.file, config.clinic.logoFile));
    } catch (error) {
      logger.error({ err: error }, 'clinic logo rejected; showing initials');
      incidents.record('config', 'The clinic logo could not be shown, so the kiosk shows the clinic initials.', String((error as Error).message));
    }
  }

  const clinic: Bootstrap['clinic'] = { name: config.clinic.name, accentColor: config.clinic.accentColor, logoDataUrl };
  const settings = new KioskSettings(config, logger);
  const feedback = new FeedbackService({ dataDir, settings, logger, incidents, diskHeadroomBytes: config.diskHeadroomMegabytes * 1024 * 1024, now });
  const downloads = new DownloadTickets(now);
  const access = new StaffAccess({ dataDir, logger, now, pinHashCost });
  const sync = new SyncOutbox({
    store: () => feedback.store,
    tokens: (store) => credentialsTokenStore(access.credentials(store)),
    settings,
    logger,
    now,
    timing: syncTiming || {},
  });
  const exporter = new Exporter({
    dataDir,
    shell,
    tickets: downloads,
    logger,
    now,
    topics: content.journey,
    markExported: (seqs) => feedback.use((store) => store.markExportedInChunks(seqs, now())),
  });
  const staffApi = createStaffApi({
    feedback,
    settings,
    access,
    sessions: new StaffSessions(now),
    exporter,
    sync,
    content,
    shell,
    logger,
    now,
  });
  logger.info(
    {
      dataDir,
      kioskId: settings.current(feedback.storeIfOpen).kioskId,
      content: `${content.id}@${content.version}`,
      locales: languages.options.map((o) => o.locale),
    },
    'kiosk core started',
  );

  const api: KioskApi = {
    async getBootstrap() {
      // Settings are read each time, so a change an admin saved shows at the next bootstrap.
      const { idleTimeoutSeconds, keepPartialFeedback } = settings.current(feedback.storeIfOpen);
      const session = { idleTimeoutSeconds, idleWarningSeconds: config.idleWarningSeconds, keepPartialFeedback };
      return { clinic, ...languages.bundle(languages.defaultLocale), locales: [...languages.options], session };
    },
    async getLocale({ locale }) {
      return languages.bundle(locale);
    },
    async submitFeedback(submission) {
      // The pack the patient was reading: its language must be offered, and the answers must fit it.
      const mismatch = packMismatch(submission, languages.bundle(submission.locale).content);
      if (mismatch) throw new ApiError('invalid_input', describeFieldError(mismatch), mismatch.field);
      const receipt = await feedback.submit(submission);
      // Stored first; sync follows in the background and never delays the patient's "Thank you".
      sync.notify();
      return receipt;
    },
    ...staffApi,
  };

  const stopRetention = scheduleDaily(() => {
    const store = feedback.storeIfOpen;
    try {
      if (store) applyRetention(store, settings.current(store), now(), logger);
    } catch (error) {
      logger.error({ err: error }, 'scheduled retention failed; it will run again tomorrow');
    }
  });

  if (syncTiming !== false) sync.start();

  return {
    api,
    config,
    dataDir,
    incidents,
    feedback,
    settings,
    downloads,
    sync,
    close: () => {
      sync.stop();
      stopRetention();
      access.close();
      exporter.close();
      feedback.close();
    },
  };
}
