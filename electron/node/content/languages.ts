/**
 * The languages this kiosk offers: the pack it shows (the default, what every patient starts in)
 * and each usable translation of it. A translation that cannot be used is left out, logged and
 * kept as an incident for staff; it never stops the kiosk.
 */
import { dirname } from 'node:path';
import type { LocaleBundle } from '../../common/api/contract.js';
import { ApiError } from '../../common/api/errors.js';
import type { LocaleOption } from '../../common/locale.js';
import type { IncidentLog } from '../incidents.js';
import type { Logger } from '../log/logger.js';
import type { ChosenPack } from './choose-content.js';
import { ContentError, personalisePack } from './load-content.js';
import { loadTranslations, loadUiStrings, type LocaleFiles } from './translations.js';

export class Languages {
  /** The language every patient starts in, and returns to at each reset. */
  readonly defaultLocale: string;
  readonly options: readonly LocaleOption[];
  readonly #bundles = new Map<string, LocaleBundle>();

  constructor({ pack, file }: ChosenPack, clinicName: string, incidents: IncidentLog, logger: Logger) {
    const strings = loadUiStrings(pack.locale, dirname(file));
    const all = new Map<string, LocaleFiles>([[pack.locale, { content: pack, strings: strings instanceof ContentError ? {} : strings }]]);
    const { found, problems } = loadTranslations(file, pack);
    if (strings instanceof ContentError) problems.unshift(strings);
    for (const [locale, files] of found) all.set(locale, files);
    for (const problem of problems) {
      logger.error({ file: problem.file, field: problem.field, reason: problem.reason }, 'language files rejected; that language is not offered');
      incidents.record('content', 'A language could not be offered because its files have a mistake.', problem.message);
    }
    for (const [locale, { content, strings }] of all) {
      if (content.translation?.clinicalReview === 'needed')
        logger.warn({ locale, from: content.translation.from }, 'this translation has not had clinical review yet');
      this.#bundles.set(locale, { content: personalisePack(content, clinicName), strings });
    }
    this.defaultLocale = pack.locale;
    this.options = [...all.keys()].map((locale) => ({ locale, name: nameInItself(locale) }));
  }

  /** A language's content and UI words. */
  bundle(locale: string): LocaleBundle {
    this.requireOffered(locale);
    return this.#bundles.get(locale)!;
  }

  /** Throws the contract's `invalid_input` for a language this kiosk does not offer. */
  requireOffered(locale: string): void {
    if (this.#bundles.has(locale)) return;
    throw new ApiError('invalid_input', `locale: this kiosk offers ${this.options.map((o) => `"${o.locale}"`).join(', ')}, not "${locale}"`, 'locale');
  }
}

/** "English", "Español", "Français": the language's own name for itself, capitalised as a label. */
export function nameInItself(locale: string): string {
  const name = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
