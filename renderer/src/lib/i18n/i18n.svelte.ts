/**
 * The one i18n layer for UI strings (content text comes from the content pack, already in its locale).
 * i18next does plurals and interpolation; a rune makes every `t()` in a template re-run when the
 * language changes. English now; Spanish adds a file next to en.json.
 */
import i18next from 'i18next';
import en from './en.json';

/** Keys without plural suffixes, so `t('welcome.topicsCount', { count })` type-checks. */
export type MessageKey = keyof typeof en extends infer K ? (K extends `${infer Base}_${'one' | 'other'}` ? Base : K) : never;

export const DEFAULT_LANGUAGE = 'en';

const instance = i18next.createInstance();
void instance.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  resources: { en: { translation: en } },
  // Keys are flat ("nav.next"), and Svelte already escapes text, so i18next must not.
  keySeparator: false,
  interpolation: { escapeValue: false },
  initAsync: false,
  showSupportNotice: false,
});

let language = $state(DEFAULT_LANGUAGE);

export function t(key: MessageKey, values?: Record<string, string | number>): string {
  void language; // read the rune, so callers re-render on language change
  return instance.t(key, values);
}

export function currentLanguage(): string {
  return language;
}

export async function setLanguage(next: string): Promise<void> {
  await instance.changeLanguage(next);
  language = next;
  document.documentElement.lang = next;
}
