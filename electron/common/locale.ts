/**
 * Languages: the one rule for a language tag, and the UI strings file that comes with each
 * language besides the built-in English. Pure TypeScript, shared by the core and the renderer.
 */
import * as v from 'valibot';
import { LOCALE_MESSAGE, LOCALE_PATTERN } from './rules.js';

export const localeTag = v.pipe(v.string('must be a string'), v.regex(LOCALE_PATTERN, LOCALE_MESSAGE));

/**
 * The UI words for one language (`content/ui.<locale>.json`), in the format of the built-in
 * renderer/src/lib/i18n/en.json: flat keys, `{{name}}` placeholders, plural forms as `key_one`,
 * `key_other` (CLDR categories). A key left out shows in English.
 */
export const UiStringsSchema = v.record(
  v.pipe(v.string(), v.regex(/^[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)*$/, 'keys look like "nav.next" or "idle.countdown_one"')),
  v.pipe(v.string('must be text'), v.nonEmpty('must not be empty')),
);
export type UiStrings = v.InferOutput<typeof UiStringsSchema>;

/** A language the patient can choose, named in itself ("English", "Español"). */
export interface LocaleOption {
  locale: string;
  name: string;
}
