/**
 * The kiosk's core, free of Electron: it reads configuration and content and implements the API
 * contract. Both shells start one of these and put their transport in front of it.
 */
import { mkdirSync } from 'node:fs';
import type { Bootstrap, KioskApi } from '../common/api/contract.js';
import type { KioskConfig } from '../common/config/schema.js';
import { configFilePath, loadConfig, readLogoDataUrl, resolveConfigPath } from './config/load-config.js';
import { chooseContentPack } from './content/choose-content.js';
import { personalisePack } from './content/load-content.js';
import { DownloadTickets } from './export/download-tickets.js';
import { Exporter } from './export/exporter.js';
import { FeedbackService } from './feedback-service.js';
import { IncidentLog } from './incidents.js';
import { KioskSettings } from './kiosk-settings.js';
import type { Logger } from './log/logger.js';
import type { ShellCapabilities } from './shell.js';
import { applyRetention, scheduleDaily } from './staff/retention.js';
import { StaffSessions } from './staff/sessions.js';
import type { ScryptCost } from './staff/pin-hash.js';
import { StaffAccess } from './staff/staff-access.js';
import { createStaffApi } from './staff/staff-api.js';

export type { ShellCapabilities } from './shell.js';

export interface KioskCoreOptions {
  dataDir: string;
  logger: Logger;
  /** What the shell around the core can do: folder dialogs, downloads, quitting. */
  shell: ShellCapabilities;
  env?: NodeJS.ProcessEnv;
  /** The clock, for tests: PIN locks, session expiry, download tickets, retention, timestamps. */
  now?: () => Date;
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
  close(): void;
}

export function startKioskCore({ dataDir, logger, shell, env = process.env, now = () => new Date(), pinHashCost }: KioskCoreOptions): KioskCore {
  mkdirSync(dataDir, { recursive: true });
  const incidents = new IncidentLog();

  const loaded = loadConfig(configFilePath(dataDir, env));
  if (loaded.error) {
    logger.error({ detail: loaded.error }, 'configuration rejected; running on embedded defaults');
    incidents.record('config', 'The kiosk settings file could not be used, so the kiosk runs on its defaults.', loaded.error);
  }
  const { config } = loaded;

  const contentFile = config.contentFile ? resolveConfigPath(loaded.file, config.contentFile) : null;
  const content = personalisePack(chooseContentPack(contentFile, incidents, logger), config.clinic.name);

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
  const feedback = new FeedbackService({ dataDir, settings, logger, incidents, now });
  const downloads = new DownloadTickets(now);
  const staffApi = createStaffApi({
    feedback,
    settings,
    access: new StaffAccess({ logger, now, pinHashCost }),
    sessions: new StaffSessions(now),
    exporter: new Exporter({ dataDir, shell, tickets: downloads, logger, now }),
    content,
    shell,
    logger,
    now,
  });
  logger.info({ dataDir, kioskId: settings.current(feedback.storeIfOpen).kioskId, content: `${content.id}@${content.version}` }, 'kiosk core started');

  const api: KioskApi = {
    async getBootstrap() {
      // Settings are read each time, so a change an admin saved shows at the next bootstrap.
      const { idleTimeoutSeconds, keepPartialFeedback } = settings.current(feedback.storeIfOpen);
      return { clinic, content, session: { idleTimeoutSeconds, idleWarningSeconds: config.idleWarningSeconds, keepPartialFeedback } };
    },
    async submitFeedback(submission) {
      return feedback.submit(submission);
    },
    ...staffApi,
  };

  const stopRetention = scheduleDaily(() => {
    const store = feedback.storeIfOpen;
    try {
      if (store) applyRetention(store, settings.current(store).retentionDays, now(), logger);
    } catch (error) {
      logger.error({ err: error }, 'scheduled retention failed; it will run again tomorrow');
    }
  });

  return {
    api,
    config,
    dataDir,
    incidents,
    feedback,
    settings,
    downloads,
    close: () => {
      stopRetention();
      feedback.close();
    },
  };
}
