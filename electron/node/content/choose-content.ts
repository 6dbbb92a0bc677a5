/**
 * Picks the content pack the kiosk shows: the configured one if it is valid, otherwise the bundled
 * one, with the failure logged and kept as an incident. The bundled pack is validated at build time,
 * so it failing here means a broken install, which is fatal.
 */
import type { ContentPack } from '../../common/content/schema.js';
import { resolveConfigPath, type LoadedConfig } from '../config/load-config.js';
import type { IncidentLog } from '../incidents.js';
import type { Logger } from '../log/logger.js';
import { bundledContentFile } from '../paths.js';
import { loadContentPack } from './load-content.js';

/** The pack the kiosk shows, and the file it came from (its translations sit beside it). */
export interface ChosenPack {
  pack: ContentPack;
  file: string;
}

export function chooseContentPack(configuredFile: string | null, incidents: IncidentLog, logger: Logger): ChosenPack {
  if (configuredFile) {
    const configured = loadContentPack(configuredFile);
    if (configured.ok) return { pack: configured.pack, file: configuredFile };
    logger.error(
      { file: configured.error.file, field: configured.error.field, reason: configured.error.reason },
      'content pack rejected; using the bundled pack',
    );
    incidents.record('content', 'The configured content could not be used, so the kiosk shows its built-in content.', configured.error.message);
  }
  const bundled = loadContentPack(bundledContentFile);
  if (!bundled.ok) throw bundled.error;
  return { pack: bundled.pack, file: bundledContentFile };
}

/** The pack the loaded configuration names (its path relative to the config file), or the bundled one. */
export function configuredContentPack(loaded: LoadedConfig, incidents: IncidentLog, logger: Logger): ChosenPack {
  const { contentFile } = loaded.config;
  return chooseContentPack(contentFile ? resolveConfigPath(loaded.file, contentFile) : null, incidents, logger);
}
