/**
 * The patient UI's `t()`. English is built in (it is also the fallback for a key another language
 * lacks); another language's strings arrive with its content from the kiosk core and replace the
 * active catalogue in one assignment, so every `t()` in every template re-renders at once.
 * Content text is not here: it comes from the content pack, already in its locale.
 */
import en from './en.json';
import { translate, type Catalogue, type KeysOf, type Messages, type Values } from './translate';

export type MessageKey = KeysOf<typeof en>;

/** The built-in strings' language. */
export const ENGLISH = 'en';
const english: Catalogue = { locale: ENGLISH, messages: en };

let active = $state.raw<Catalogue>(english);

export function t(key: MessageKey, values?: Values): string {
  return translate(active, english, key, values);
}

/** The language the screen is in, for `lang` and Intl formats. */
export function currentLanguage(): string {
  return active.locale;
}

/** Makes `locale` the active language; keys `messages` lacks show in English. */
export function useStrings(locale: string, messages: Messages): void {
  active = { locale, messages };
}
