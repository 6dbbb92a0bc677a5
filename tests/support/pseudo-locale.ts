/**
 * A pseudo-locale "xx", made from the English files the way a translator would add a language:
 * one content file and one strings file, nothing else. Every word is accented and bracketed
 * ("⟦Ñéxţ⟧"), placeholders kept, so a screen shows at a glance which text went through the
 * language layer. Used to prove that a third language takes only those two files.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';

export const PSEUDO_LOCALE = 'xx';
const root = new URL('../../', import.meta.url).pathname;
const ACCENTS: Record<string, string> = {
  a: 'à',
  e: 'é',
  i: 'î',
  o: 'ö',
  u: 'ü',
  n: 'ñ',
  c: 'ç',
  s: 'š',
  t: 'ţ',
  A: 'Å',
  E: 'É',
  O: 'Ö',
  N: 'Ñ',
  S: 'Š',
  T: 'Ţ',
};
// Ids, tags and the like are data, not words.
const NOT_WORDS = new Set(['id', 'version', 'locale', 'journey', 'tone', 'from', 'clinicalReview']);

/** "Next {{count}} at {clinic}" → "⟦Ñéxţ {{count}} àţ {clinic}⟧". */
export function pseudo(text: string): string {
  const words = text.split(/(\{\{?\w+\}\}?)/).map((part, i) => (i % 2 ? part : part.replace(/[A-Za-z]/g, (c) => ACCENTS[c] ?? c)));
  return `⟦${words.join('')}⟧`;
}

function pseudoDeep(value: unknown, key = ''): unknown {
  if (NOT_WORDS.has(key)) return value;
  if (typeof value === 'string') return pseudo(value);
  if (Array.isArray(value)) return value.map((item) => pseudoDeep(item));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, pseudoDeep(v, k)]));
  return value;
}

/**
 * A content folder holding the bundled English and Spanish packs plus the pseudo-locale's two files
 * (Spanish's UI words come from the bundled ui.es.json, as for any pack folder without its own).
 * Returns the folder and the English pack's path there (what `contentFile` should name).
 */
export function makePseudoLocaleDir(): { dir: string; packFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-pseudo-'));
  const packFile = join(dir, 'ketamine-addiction.en.yaml');
  copyFileSync(join(root, 'content', 'ketamine-addiction.en.yaml'), packFile);
  copyFileSync(join(root, 'content', 'ketamine-addiction.es.yaml'), join(dir, 'ketamine-addiction.es.yaml'));
  const english = parse(readFileSync(packFile, 'utf8')) as Record<string, unknown>;
  const translated = { ...(pseudoDeep(english) as object), locale: PSEUDO_LOCALE, translation: { from: 'en', clinicalReview: 'needed' } };
  writeFileSync(join(dir, `ketamine-addiction.${PSEUDO_LOCALE}.yaml`), stringify(translated));
  const strings = JSON.parse(readFileSync(join(root, 'renderer', 'src', 'lib', 'i18n', 'en.json'), 'utf8')) as Record<string, string>;
  writeFileSync(join(dir, `ui.${PSEUDO_LOCALE}.json`), JSON.stringify(Object.fromEntries(Object.entries(strings).map(([k, v]) => [k, pseudo(v)])), null, 2));
  return { dir, packFile };
}
