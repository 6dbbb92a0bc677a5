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
import { FeedbackService } from './feedback-service.js';
import { IncidentLog } from './incidents.js';
import type { Logger } from './log/logger.js';

export interface KioskCoreOptions {
  dataDir: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
}

export interface KioskCore {
  readonly api: KioskApi;
  readonly config: KioskConfig;
  readonly dataDir: string;
  readonly incidents: IncidentLog;
  readonly feedback: FeedbackService;
  close(): void;
}

export function startKioskCore({ dataDir, logger, env = process.env }: KioskCoreOptions): KioskCore {
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

  const bootstrap: Bootstrap = {
    clinic: { name: config.clinic.name, accentColor: config.clinic.accentColor, logoDataUrl },
    content,
    session: { idleTimeoutSeconds: config.idleTimeoutSeconds, idleWarningSeconds: config.idleWarningSeconds, keepPartialFeedback: config.keepPartialFeedback },
  };
  logger.info({ dataDir, kioskId: config.kioskId, content: `${content.id}@${content.version}` }, 'kiosk core started');

  const feedback = new FeedbackService({ dataDir, kioskId: config.kioskId, logger, incidents });

  const api: KioskApi = {
    async getBootstrap() {
      return bootstrap;
    },
    async submitFeedback(submission) {
      return feedback.submit(submission);
    },
  };

  return { api, config, dataDir, incidents, feedback, close: () => feedback.close() };
}
