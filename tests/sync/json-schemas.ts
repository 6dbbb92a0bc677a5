/**
 * The protocol's JSON Schemas, generated from the valibot schemas in electron/common/sync (the one
 * source of truth) and checked in under docs/sync/. Checks that JSON Schema cannot say (no control
 * characters, a real date) are left out of the files; the collector still applies them.
 * Regenerate with: UPDATE_SYNC_SCHEMAS=1 npx vitest run tests/sync/protocol.test.ts
 */
import { toJsonSchema, type ConversionConfig } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { SyncBatchRequestSchema, SyncBatchResponseSchema, SyncErrorResponseSchema, SyncRowSchema } from '../../electron/common/sync/protocol.js';

const SCHEMAS: Record<string, { title: string; schema: v.GenericSchema }> = {
  'batch-request': { title: 'POST /v1/batches request body', schema: SyncBatchRequestSchema },
  'batch-response': { title: 'POST /v1/batches 200 response body', schema: SyncBatchResponseSchema },
  'error-response': { title: 'Every non-200 response body', schema: SyncErrorResponseSchema },
};

const OPTIONS: ConversionConfig = { target: 'draft-2020-12', typeMode: 'input', errorMode: 'ignore' };

/**
 * topicHelpful is pipe(custom "not an array", check "no prototype keys", record, maxEntries); the
 * converter gives up at the custom check, so the rows' schema gets the record and what follows it,
 * converted from the same schemas.
 */
function topicHelpfulJson(): object {
  const [, , record, ...actions] = SyncRowSchema.entries.topicHelpful.pipe;
  const { $schema: _, ...json } = toJsonSchema(v.pipe(record, ...actions), OPTIONS);
  return json;
}

/** File name under docs/sync/ → its text. */
export function syncJsonSchemaFiles(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(SCHEMAS).map(([name, { title, schema }]) => {
      const json = { title, ...toJsonSchema(schema, OPTIONS) } as { properties?: { rows?: { items: { properties: Record<string, object> } } } };
      if (json.properties?.rows) json.properties.rows.items.properties.topicHelpful = topicHelpfulJson();
      return [`${name}.schema.json`, `${JSON.stringify(json, null, 2)}\n`];
    }),
  );
}
