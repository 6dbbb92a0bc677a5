/** The protocol's checked-in JSON Schemas match the valibot schemas they are generated from. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syncJsonSchemaFiles } from './json-schemas.js';

const docs = resolve(dirname(fileURLToPath(import.meta.url)), '../../docs/sync');

describe('sync protocol documentation', () => {
  it('has JSON Schemas in docs/sync/ that are current', () => {
    const files = syncJsonSchemaFiles();
    if (process.env.UPDATE_SYNC_SCHEMAS) {
      mkdirSync(docs, { recursive: true });
      for (const [name, text] of Object.entries(files)) writeFileSync(join(docs, name), text);
    }
    for (const [name, text] of Object.entries(files)) {
      expect(existsSync(join(docs, name)), `docs/sync/${name} is missing`).toBe(true);
      expect(readFileSync(join(docs, name), 'utf8'), `docs/sync/${name} is out of date; see tests/sync/json-schemas.ts`).toBe(text);
    }
    const request = JSON.parse(files['batch-request.schema.json']!);
    expect(request.properties.rows).toMatchObject({ minItems: 1, maxItems: 500 });
    expect(request.properties.protocolVersion).toMatchObject({ const: 1 });
  });
});
