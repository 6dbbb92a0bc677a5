/**
 * The renderer's i18n engine (renderer/src/lib/i18n/translate.ts): plural forms chosen by
 * Intl.PluralRules, `{{name}}` placeholders with locale-formatted numbers and dates, and the
 * fallback to English for a key a language lacks. Also checks the shipped strings files agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate, type Catalogue } from '../../../renderer/src/lib/i18n/translate.js';

const english: Catalogue = {
  locale: 'en',
  messages: {
    'nav.next': 'Next',
    progress: '{{current}} of {{total}}',
    'idle.countdown_one': 'Starting over in {{count}} second',
    'idle.countdown_other': 'Starting over in {{count}} seconds',
    'only.english': 'Only in English, {{name}}',
    'saved.on': 'Saved on {{date}}',
  },
};
const spanish: Catalogue = {
  locale: 'es',
  messages: {
    'nav.next': 'Siguiente',
    progress: '{{current}} de {{total}}',
    'idle.countdown_one': 'Se reinicia en {{count}} segundo',
    'idle.countdown_other': 'Se reinicia en {{count}} segundos',
    'saved.on': 'Guardado el {{date}}',
  },
};
const polish: Catalogue = {
  locale: 'pl',
  messages: { files_one: '{{count}} plik', files_few: '{{count}} pliki', files_many: '{{count}} plików', files_other: '{{count}} pliku' },
};

describe('t()', () => {
  it('picks the plural form by the language’s own rules', () => {
    expect(translate(english, english, 'idle.countdown', { count: 1 })).toBe('Starting over in 1 second');
    expect(translate(english, english, 'idle.countdown', { count: 0 })).toBe('Starting over in 0 seconds');
    expect(translate(spanish, english, 'idle.countdown', { count: 1 })).toBe('Se reinicia en 1 segundo');
    expect(translate(spanish, english, 'idle.countdown', { count: 20 })).toBe('Se reinicia en 20 segundos');
    // Spanish has a "many" category (1 000 000) that the file leaves out: "other" serves it.
    expect(new Intl.PluralRules('es').select(1_000_000)).toBe('many');
    expect(translate(spanish, english, 'idle.countdown', { count: 1_000_000 })).toBe('Se reinicia en 1.000.000 segundos');
    // A language with more categories than English gets each of them.
    expect([1, 3, 5, 1.5].map((count) => translate(polish, english, 'files', { count }))).toEqual(['1 plik', '3 pliki', '5 plików', '1,5 pliku']);
  });

  it('fills in placeholders, formatting numbers and dates for the language', () => {
    expect(translate(english, english, 'progress', { current: 3, total: 7 })).toBe('3 of 7');
    expect(translate(spanish, english, 'progress', { current: 3, total: 7 })).toBe('3 de 7');
    expect(translate(english, english, 'progress', { current: 12345.5, total: 7 })).toBe('12,345.5 of 7');
    expect(translate(spanish, english, 'progress', { current: 12345.5, total: 7 })).toBe('12.345,5 de 7');
    const day = new Date(2026, 10, 29);
    expect(translate(english, english, 'saved.on', { date: day })).toBe('Saved on November 29, 2026');
    expect(translate(spanish, english, 'saved.on', { date: day })).toBe('Guardado el 29 de noviembre de 2026');
  });

  it('leaves a placeholder with no value as it is, and text values untouched', () => {
    expect(translate(english, english, 'progress', { current: 1 })).toBe('1 of {{total}}');
    expect(translate(english, english, 'only.english', { name: '{{current}} <b>' })).toBe('Only in English, {{current}} <b>');
  });

  it('falls back to English for a key the language lacks, formatting as English', () => {
    expect(translate(spanish, english, 'only.english', { name: 'Ana' })).toBe('Only in English, Ana');
    expect(translate(spanish, english, 'nav.next')).toBe('Siguiente');
  });

  it('shows the key itself when no language has it, rather than failing', () => {
    expect(translate(spanish, english, 'no.such.key')).toBe('no.such.key');
  });
});

describe('the shipped strings files', () => {
  const read = (path: string) => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as Record<string, string>;
  const patient = read('renderer/src/lib/i18n/en.json');
  const staff = read('renderer/src/staff/strings.en.json');
  const spanish = read('content/ui.es.json');
  const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('Spanish has every patient string, with the same placeholders, and nothing else', () => {
    expect(Object.keys(spanish).sort()).toEqual(Object.keys(patient).sort());
    for (const [key, text] of Object.entries(spanish)) expect(placeholders(text), key).toEqual(placeholders(patient[key]!));
  });

  it('patient and staff strings do not share a key (one file each)', () => {
    expect(Object.keys(staff).filter((key) => key in patient)).toEqual([]);
  });
});
