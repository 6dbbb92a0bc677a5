/**
 * The language the screen is in. Every patient starts in the kiosk's default language and is put
 * back in it at each reset. Choosing another fetches that language's content and UI words from the
 * core, then swaps both in one go: words, content, `<html lang>` and Intl formats change together.
 */
import type { Bootstrap, LocaleBundle } from '@common/api/contract';
import type { ContentPack } from '@common/content/schema';
import type { LocaleOption } from '@common/locale';
import { api } from '../lib/api';
import { useStrings } from '../lib/i18n/i18n.svelte';

export class Language {
  content = $state.raw<ContentPack>(null!);
  readonly options: readonly LocaleOption[];
  readonly #default: LocaleBundle;
  /** Bumped by every choice and reset, so an answer that arrives late cannot undo a newer one. */
  #request = 0;

  constructor({ content, strings, locales }: Bootstrap) {
    this.#default = { content, strings };
    this.options = locales;
    this.#show(this.#default);
  }

  get locale(): string {
    return this.content.locale;
  }

  get isDefault(): boolean {
    return this.content === this.#default.content;
  }

  async choose(locale: string): Promise<void> {
    const request = ++this.#request;
    if (locale === this.#default.content.locale) return this.#show(this.#default);
    try {
      const bundle = await api.getLocale({ locale });
      if (request === this.#request) this.#show(bundle);
    } catch (error) {
      // The patient keeps reading in the language they had; support finds the detail in the log.
      console.warn(`the ${locale} language could not be loaded`, error);
    }
  }

  /** Back to the default language, dropping any choice still on its way. */
  reset(): void {
    this.#request++;
    this.#show(this.#default);
  }

  #show({ content, strings }: LocaleBundle): void {
    useStrings(content.locale, strings);
    this.content = content;
  }
}
