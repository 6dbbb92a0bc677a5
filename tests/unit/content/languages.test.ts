/**
 * Languages in the core: the bundled Spanish translation, the API that serves a language's content
 * and UI words, the locale check on feedback, a broken translation left out with an incident, and
 * a third language (the pseudo-locale "xx") added with nothing but a content file and a strings file.
 */
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { parse, stringify } from 'yaml';
import { DEFAULT_CLINIC_NAME } from '../../../electron/common/config/schema.js';
import type { ContentPack } from '../../../electron/common/content/schema.js';
import { loadContentPack } from '../../../electron/node-core/content/load-content.js';
import { bundledContentDir } from '../../../electron/node-core/paths.js';
import { readStoredFeedback } from '../../support/stored-feedback.js';
import { makePseudoLocaleDir, PSEUDO_LOCALE, pseudo } from '../../support/pseudo-locale.js';
import { startTestCore, type TestCore } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { useTempDirs } from '../storage/helpers.js';

const freshDir = useTempDirs('kiosk-languages-');
let running: TestCore | undefined;
afterEach(() => running?.close());

function start(config?: object): TestCore {
  const dataDir = freshDir();
  if (config) writeFileSync(join(dataDir, 'config.json'), JSON.stringify(config));
  return (running = startTestCore(dataDir));
}

const packAt = (locale: string) => {
  const loaded = loadContentPack(join(bundledContentDir, `ketamine-addiction.${locale}.yaml`));
  if (!loaded.ok) throw loaded.error;
  return loaded.pack;
};

describe('the bundled Spanish translation', () => {
  const en = packAt('en');
  const es = packAt('es');

  it('is marked as a translation from English that needs clinical review', () => {
    expect(es.translation).toEqual({ from: 'en', clinicalReview: 'needed' });
    expect(en.translation).toBeUndefined();
  });

  it('has the same shape as the English, piece for piece: nothing added, nothing left out', () => {
    // Every text replaced by a marker: what is left is the structure (ids, tones, counts of paragraphs, points, rows, questions).
    const shape = (pack: ContentPack) =>
      JSON.parse(JSON.stringify({ ...pack, locale: '', title: '', translation: null }), (key, value: unknown) =>
        typeof value === 'string' && !['id', 'tone'].includes(key) && !/^[a-z0-9-]+$/.test(value) ? 'text' : value,
      );
    expect(shape(es)).toEqual(shape(en));
    expect(JSON.stringify(es).match(/\{clinic\}/g)).toHaveLength(JSON.stringify(en).match(/\{clinic\}/g)!.length);
  });
});

describe('languages through the API', () => {
  it('the bootstrap brings the default language and names every language in itself', async () => {
    const { client } = start();
    const bootstrap = await client.getBootstrap({});
    expect(bootstrap.locales).toEqual([
      { locale: 'en', name: 'English' },
      { locale: 'es', name: 'Español' },
    ]);
    expect(bootstrap.content.locale).toBe('en');
    expect(bootstrap.strings).toEqual({}); // English words are built into the UI
  });

  it('getLocale brings a language’s content (with the clinic name) and its UI words', async () => {
    const { client } = start({ clinic: { name: 'Clínica Lago' } });
    const { content, strings } = await client.getLocale({ locale: 'es' });
    expect(content.locale).toBe('es');
    expect(content.title).toBe(packAt('es').title);
    expect(JSON.stringify(content)).toContain('En Clínica Lago, seguimos protocolos estrictos');
    expect(strings['nav.next']).toBe('Siguiente');
    expect(strings).toEqual(JSON.parse(readFileSync(join(bundledContentDir, 'ui.es.json'), 'utf8')));
  });

  it('refuses a language the kiosk does not offer, naming the field', async () => {
    const { client } = start();
    await expect(client.getLocale({ locale: 'fr' })).rejects.toMatchObject({ code: 'invalid_input', field: 'locale' });
    await expect(client.getLocale({ locale: 'french' } as never)).rejects.toMatchObject({ code: 'invalid_input', field: 'locale' });
  });

  it('stores feedback in the language the patient read, and refuses one the kiosk does not offer', async () => {
    const { client, core } = start();
    const spanish = validSubmission({ locale: 'es' });
    await client.submitFeedback(spanish);
    await expect(client.submitFeedback(validSubmission({ locale: 'fr' }))).rejects.toMatchObject({ code: 'invalid_input', field: 'locale' });
    const rows = readStoredFeedback(join(core.dataDir, 'kiosk.db'));
    expect(rows.map((row) => [row.id, row.locale])).toEqual([[spanish.id, 'es']]);
  });
});

describe('a translation that cannot be used', () => {
  function contentDirWith(edit: (es: Record<string, unknown>) => void, withStrings = true): string {
    const dir = freshDir();
    copyFileSync(join(bundledContentDir, 'ketamine-addiction.en.yaml'), join(dir, 'ketamine-addiction.en.yaml'));
    const es = parse(readFileSync(join(bundledContentDir, 'ketamine-addiction.es.yaml'), 'utf8')) as Record<string, unknown>;
    edit(es);
    writeFileSync(join(dir, 'ketamine-addiction.es.yaml'), stringify(es));
    // A strings file beside the pack wins over the bundled one; an empty object is still valid.
    if (!withStrings) writeFileSync(join(dir, 'ui.es.json'), '{"nav.next": ""}');
    return dir;
  }

  it.each([
    [
      'a different walk-through',
      (es: Record<string, unknown>) => (es.journey = ['summary', 'faq']),
      true,
      'journey: must list the same topics in the same order',
    ],
    ['another pack’s id', (es: Record<string, unknown>) => (es.id = 'another-pack'), true, 'id: must be "ketamine-addiction"'],
    ['a locale that does not match its file name', (es: Record<string, unknown>) => (es.locale = 'pt'), true, 'locale: is "pt", but the file name says "es"'],
    ['a schema mistake', (es: Record<string, unknown>) => (es.title = ''), true, 'title: must not be empty'],
    ['broken UI words', () => undefined, false, 'ui.es.json: nav.next: must not be empty'],
  ])('is left out with an incident: %s', async (_name, edit, withStrings, detail) => {
    const dir = contentDirWith(edit, withStrings);
    const { client, core } = start({ contentFile: join(dir, 'ketamine-addiction.en.yaml') });
    expect((await client.getBootstrap({})).locales).toEqual([{ locale: 'en', name: 'English' }]);
    await expect(client.getLocale({ locale: 'es' })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(core.incidents.list()).toHaveLength(1);
    expect(core.incidents.list()[0]).toMatchObject({ kind: 'content' });
    expect(core.incidents.list()[0]!.detail).toContain(detail);
  });
});

describe('a third language', () => {
  it('takes only a content file and a strings file (the pseudo-locale "xx")', async () => {
    const { dir, packFile } = makePseudoLocaleDir();
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const { client, core } = start({ contentFile: packFile });
    expect(core.incidents.list()).toEqual([]);
    expect((await client.getBootstrap({})).locales.map((option) => option.locale)).toEqual(['en', 'es', PSEUDO_LOCALE].sort());
    const { content, strings } = await client.getLocale({ locale: PSEUDO_LOCALE });
    expect(content.title).toBe(pseudo('Is ketamine therapy addictive?'));
    expect(JSON.stringify(content)).toContain(
      pseudo('At {clinic}, we follow strict protocols to ensure ketamine therapy is safe and effective.').replace('{clinic}', DEFAULT_CLINIC_NAME),
    );
    expect(strings['nav.next']).toBe('⟦Ñéxţ⟧');
    expect(strings['idle.countdown_other']).toBe(pseudo('Starting over in {{count}} seconds'));
    await client.submitFeedback(validSubmission({ locale: PSEUDO_LOCALE }));
  });
});
