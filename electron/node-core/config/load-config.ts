/**
 * Reads the kiosk's configuration file (JSON). Every field has an embedded default; a missing file
 * means "all defaults". A broken file is an incident: the kiosk runs on defaults and staff are told.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import * as v from 'valibot';
import { KioskConfigSchema, type KioskConfig } from '../../common/config/schema.js';
import { describeFieldError, firstFieldError } from '../../common/validation.js';

export interface LoadedConfig {
  config: KioskConfig;
  /** The file it came from, or null when running on embedded defaults. */
  file: string | null;
  /** Set when the file existed but could not be used. */
  error: string | null;
}

export const defaultConfig = (): KioskConfig => v.parse(KioskConfigSchema, {});

export function configFilePath(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.KIOSK_CONFIG ?? join(dataDir, 'config.json'));
}

export function loadConfig(file: string): LoadedConfig {
  if (!existsSync(file)) return { config: defaultConfig(), file: null, error: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { config: defaultConfig(), file, error: `${file}: ${(error as Error).message}` };
  }
  const parsed = v.safeParse(KioskConfigSchema, raw);
  if (!parsed.success) return { config: defaultConfig(), file, error: `${file}: ${describeFieldError(firstFieldError(parsed.issues))}` };
  return { config: parsed.output, file, error: null };
}

/** Paths in the config file are relative to the file itself. */
export function resolveConfigPath(configFile: string | null, path: string): string {
  return isAbsolute(path) || !configFile ? resolve(path) : resolve(dirname(configFile), path);
}

const LOGO_TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.webp': 'image/webp' };
const MAX_LOGO_BYTES = 512 * 1024;

/** The clinic logo as a data URL the renderer can show without any file access. */
export function readLogoDataUrl(file: string): string {
  const type = LOGO_TYPES[extname(file).toLowerCase()];
  if (!type) throw new Error(`${file}: the logo must be a PNG, JPEG, SVG or WebP file`);
  const bytes = readFileSync(file);
  if (bytes.length > MAX_LOGO_BYTES) throw new Error(`${file}: the logo is larger than ${MAX_LOGO_BYTES / 1024} KiB`);
  return `data:${type};base64,${bytes.toString('base64')}`;
}
