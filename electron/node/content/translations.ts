/**
 * A content pack's translations. Beside `<name>.<locale>.yaml` (the pack the kiosk shows), each
 * `<name>.<other locale>.yaml` is a translation of it, offered when it is valid, is the same pack
 * (same id) with the same walk-through (same topic ids in the same order, so answers and the
 * dashboard line up across languages), and its UI words exist: `ui.<locale>.json` beside the pack,
 * or else among the bundled ones. English words are built into the UI and need no file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import * as v from 'valibot';
import { UiStringsSchema, type UiStrings } from '../../common/locale.js';
import type { ContentPack } from '../../common/content/schema.js';
import { firstFieldError } from '../../common/validation.js';
import { bundledContentDir } from '../paths.js';
import { ContentError, loadContentPack } from './load-content.js';

/** The language whose UI words are built into the renderer (renderer/src/lib/i18n/en.json). */
export const BUILT_IN_UI_LOCALE = 'en';

/** One language's content and the UI words that differ from the built-in English. */
export interface LocaleFiles {
  content: ContentPack;
  strings: UiStrings;
}

export interface Translations {
  /** Usable translations by locale (the pack itself not included). */
  found: Map<string, LocaleFiles>;
  /** Files that could not be used, each naming the file and the field at fault. */
  problems: ContentError[];
}

const PACK_FILE = /^(.+)\.([a-z]{2}(?:-[A-Z]{2})?)\.yaml$/;

export function loadTranslations(packFile: string, pack: ContentPack): Translations {
  const found = new Map<string, LocaleFiles>();
  const problems: ContentError[] = [];
  const name = PACK_FILE.exec(basename(packFile))?.[1];
  if (name === undefined) return { found, problems };
  const dir = dirname(packFile);
  for (const entry of readdirSync(dir).sort()) {
    const locale = PACK_FILE.exec(entry);
    if (!locale || locale[1] !== name || locale[2] === pack.locale) continue;
    const file = join(dir, entry);
    const loaded = loadTranslation(file, locale[2]!, pack);
    if (loaded instanceof ContentError) problems.push(loaded);
    else found.set(locale[2]!, loaded);
  }
  return { found, problems };
}

function loadTranslation(file: string, locale: string, source: ContentPack): LocaleFiles | ContentError {
  const loaded = loadContentPack(file);
  if (!loaded.ok) return loaded.error;
  const { pack } = loaded;
  if (pack.locale !== locale) return new ContentError(file, 'locale', `is "${pack.locale}", but the file name says "${locale}"`);
  if (pack.id !== source.id) return new ContentError(file, 'id', `must be "${source.id}", the id of the pack it translates`);
  if (pack.journey.join() !== source.journey.join())
    return new ContentError(file, 'journey', `must list the same topics in the same order as the ${source.locale} pack`);
  const strings = loadUiStrings(locale, dirname(file));
  return strings instanceof ContentError ? strings : { content: pack, strings };
}

/** The UI words for `locale`: none for English (built in), else `ui.<locale>.json` beside the pack or bundled. */
export function loadUiStrings(locale: string, packDir: string): UiStrings | ContentError {
  if (locale === BUILT_IN_UI_LOCALE) return {};
  const file = [packDir, bundledContentDir].map((dir) => join(dir, `ui.${locale}.json`)).find((path) => existsSync(path));
  if (!file) return new ContentError(join(packDir, `ui.${locale}.json`), '', 'is missing: a language needs its UI words as well as its content');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return new ContentError(file, '', `is not valid JSON (${(error as Error).message})`);
  }
  const parsed = v.safeParse(UiStringsSchema, json);
  if (parsed.success) return parsed.output;
  const { field, message } = firstFieldError(parsed.issues);
  return new ContentError(file, field, message);
}
