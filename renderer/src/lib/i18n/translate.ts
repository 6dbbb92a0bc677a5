/**
 * The whole i18n engine: flat key → string catalogues, `{{name}}` placeholders and CLDR plural
 * suffixes (`key_one`, `key_other`, … chosen by Intl.PluralRules). Numbers and dates put into a
 * string are formatted for the locale by Intl. A key the locale lacks falls back to English.
 * No runes and no DOM here, so it is unit-tested on its own (tests/unit/i18n).
 */

/** A strings file: `{ "nav.next": "Next", "idle.countdown_one": "… {{count}} second" }`. */
export type Messages = Readonly<Record<string, string>>;
export type Values = Readonly<Record<string, string | number | Date>>;

// Intl objects are costly to build, and t() runs on every tap: one of each per locale.
const plurals = new Map<string, Intl.PluralRules>();
const numbers = new Map<string, Intl.NumberFormat>();
const dates = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, locale: string, make: () => T): T {
  let value = cache.get(locale);
  if (value === undefined) cache.set(locale, (value = make()));
  return value;
}

function formatValue(locale: string, value: string | number | Date): string {
  if (typeof value === 'number') return cached(numbers, locale, () => new Intl.NumberFormat(locale)).format(value);
  if (value instanceof Date) return cached(dates, locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long' })).format(value);
  return value;
}

/** The string for `key` in one catalogue, its plural form chosen by `count` if there is one. */
function pick(messages: Messages, locale: string, key: string, count: unknown): string | undefined {
  if (typeof count === 'number') {
    const category = cached(plurals, locale, () => new Intl.PluralRules(locale)).select(count);
    return messages[`${key}_${category}`] ?? messages[`${key}_other`] ?? messages[key];
  }
  return messages[key];
}

export interface Catalogue {
  locale: string;
  messages: Messages;
}

/**
 * Looks `key` up in `active`, then in `fallback` (English, always loaded), and fills in `values`.
 * A key missing from both comes back as itself, so a gap shows up on screen, not as a crash.
 */
export function translate(active: Catalogue, fallback: Catalogue, key: string, values: Values = {}): string {
  let locale = active.locale;
  let text = pick(active.messages, locale, key, values.count);
  if (text === undefined) {
    locale = fallback.locale;
    text = pick(fallback.messages, locale, key, values.count);
  }
  if (text === undefined) return key;
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (values[name] === undefined ? whole : formatValue(locale, values[name])));
}

/**
 * The keys a catalogue offers `t()`, with plural suffixes removed, so `t('idle.countdown', { count })`
 * type-checks against a file that holds `idle.countdown_one` and `idle.countdown_other`.
 */
export type KeysOf<M> = keyof M extends infer K ? (K extends `${infer Base}_${'zero' | 'one' | 'two' | 'few' | 'many' | 'other'}` ? Base : K) : never;
