import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { resolveJourney } from '../../../electron/common/content/journey.js';
import { chooseContentPack } from '../../../electron/node-core/content/choose-content.js';
import { loadContentPack, parseContentPack, personalisePack } from '../../../electron/node-core/content/load-content.js';
import { IncidentLog } from '../../../electron/node-core/incidents.js';
import { silentLogger } from '../../../electron/node-core/log/logger.js';
import { bundledContentFile } from '../../../electron/node-core/paths.js';
import { useTempDirs } from '../storage/helpers.js';

const tempDir = useTempDirs('kiosk-content-');
const bundledSource = readFileSync(bundledContentFile, 'utf8');
// The scraped source article sits in shared/, beside the repository (read-only, not part of it).
const seedFile = new URL('../../../../shared/seed/ketamine-therapy-basics.txt', import.meta.url);
const seed = existsSync(seedFile) ? readFileSync(seedFile, 'utf8') : null;
const withSeed = it.skipIf(seed === null);
if (seed === null) console.log(`Seed-faithfulness checks skipped: no seed text at ${seedFile.pathname}`);

/** The bundled pack as plain data, changed by `edit`, written to a temp file. */
function brokenPackFile(edit: (pack: Record<string, any>) => void): string {
  const pack = parse(bundledSource);
  edit(pack);
  const file = join(tempDir(), 'pack.yaml');
  writeFileSync(file, stringify(pack));
  return file;
}

function expectRejected(file: string, field: string, reason: RegExp) {
  const result = loadContentPack(file);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.file).toBe(file);
  expect(result.error.field).toBe(field);
  expect(result.error.reason).toMatch(reason);
  expect(result.error.message).toContain(file);
}

describe('the bundled content pack', () => {
  const result = loadContentPack(bundledContentFile);
  if (!result.ok) throw result.error;
  const { pack } = result;

  it('is valid and walks through every topic once', () => {
    expect(pack.locale).toBe('en');
    expect(new Set(pack.journey).size).toBe(pack.journey.length);
    expect(resolveJourney(pack).map((topic) => topic.id)).toEqual(pack.journey);
  });

  withSeed('has the comparison table from the seed, worded as in the seed', () => {
    expect(pack.comparison.columns).toEqual({ factor: 'Factor', medical: 'Medical Ketamine Therapy', recreational: 'Recreational Ketamine Use' });
    expect(pack.comparison.rows.map((row) => row.factor)).toEqual(['Doses', 'Supervision', 'Frequency', 'Purpose', 'Risk of Addiction']);
    for (const row of pack.comparison.rows) {
      // The seed writes straight quotes where the pack uses typographic ones.
      const plain = (text: string) => text.replace(/[“”]/g, '"');
      expect(seed!).toContain(`<td><strong>${row.factor}</strong></td>\n<td>${plain(row.medical)}</td>\n<td>${plain(row.recreational)}</td>`);
    }
  });

  withSeed('keeps every FAQ answer from the seed', () => {
    const normalise = (text: string) => text.replace(/\s+/g, ' ').replace(/’/g, "'").trim();
    for (const item of pack.faq.items) expect(normalise(seed!.replace(/’/g, "'"))).toContain(normalise(item.answer));
  });

  it('names the clinic only through the {clinic} placeholder', () => {
    expect(bundledSource).not.toMatch(/Isha|ISHA/);
    const personal = personalisePack(pack, 'Lakeside Clinic');
    expect(JSON.stringify(personal)).toContain('At Lakeside Clinic, our trained professionals');
    expect(JSON.stringify(personal)).not.toContain('{clinic}');
  });

  it('puts the clinic name in literally, replacement patterns and all', () => {
    const personal = JSON.stringify(personalisePack(pack, "Smith $& Sons $' $1"));
    expect(personal).toContain("At Smith $& Sons $' $1, our trained professionals");
  });
});

describe('a broken content pack', () => {
  it('names the file and the field of a missing title', () => {
    expectRejected(
      brokenPackFile((pack) => delete pack.sections[1].title),
      'sections.1.title',
      /Invalid (key|type)/,
    );
  });

  it('names the field of a wrong type', () => {
    expectRejected(
      brokenPackFile((pack) => (pack.comparison.rows[2].medical = 42)),
      'comparison.rows.2.medical',
      /Expected string/,
    );
  });

  it('names an unknown field', () => {
    expectRejected(
      brokenPackFile((pack) => (pack.faq.items[0].anser = 'typo')),
      'faq.items.0.anser',
      /Invalid key/,
    );
  });

  it('names an empty paragraph', () => {
    expectRejected(
      brokenPackFile((pack) => (pack.summary.paragraphs[0] = '   ')),
      'summary.paragraphs.0',
      /must not be empty/,
    );
  });

  it('names a journey topic that does not exist', () => {
    expectRejected(
      brokenPackFile((pack) => pack.journey.push('dosing')),
      'journey',
      /does not define/,
    );
  });

  it('names a point with an unknown tone', () => {
    expectRejected(
      brokenPackFile((pack) => (pack.sections[0].points[0].tone = 'happy')),
      'sections.0.points.0.tone',
      /Invalid type/,
    );
  });

  it('reports a YAML syntax error with its line', () => {
    const result = parseContentPack('broken.yaml', 'id: x\ntitle: [unclosed\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.field).toMatch(/^line \d+$/);
  });

  it('reports a file that cannot be read', () => {
    expectRejected('/nonexistent/pack.yaml', '', /cannot be read \(ENOENT\)/);
  });

  it('falls back to the bundled pack and keeps the incident', () => {
    const incidents = new IncidentLog();
    const file = brokenPackFile((pack) => (pack.version = 'one'));
    const { pack, file: chosen } = chooseContentPack(file, incidents, silentLogger());
    expect(pack.id).toBe('ketamine-addiction');
    expect(chosen).toBe(bundledContentFile);
    expect(incidents.list()).toHaveLength(1);
    expect(incidents.list()[0]).toMatchObject({ kind: 'content' });
    expect(incidents.list()[0]!.detail).toContain(`${file}: version: must look like 1.0.0`);
  });
});
