/**
 * The staff panel's `t()`. The panel stays English whatever language the patient chose, and its
 * strings (strings.en.json) ship in this lazy chunk only, never in the patient bundle. It also
 * reads the patient strings (answer labels on the dashboard, "Close"), which are loaded anyway.
 */
import patient from '../lib/i18n/en.json';
import { translate, type Catalogue, type KeysOf, type Values } from '../lib/i18n/translate';
import staff from './strings.en.json';

export type StaffMessageKey = KeysOf<typeof patient> | KeysOf<typeof staff>;

/** The panel's language, for its Intl number and date formats too. */
export const STAFF_LOCALE = 'en';
const catalogue: Catalogue = { locale: STAFF_LOCALE, messages: { ...patient, ...staff } };

export function t(key: StaffMessageKey, values?: Values): string {
  return translate(catalogue, catalogue, key, values);
}
