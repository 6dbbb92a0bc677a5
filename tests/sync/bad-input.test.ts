/**
 * Bad input to the collector: malformed JSON, wrong types, huge bodies, wrong tokens, a token for
 * another kiosk. Over a thousand cases, each answered with a clear 4xx in the protocol's error
 * shape, and at the end PostgreSQL holds nothing at all.
 */
import { randomUUID } from 'node:crypto';
import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import { SYNC_ERROR_CODES } from '../../electron/common/sync/protocol.js';
import { malformedPayloads } from '../unit/feedback/malformed-payloads.js';
import { startTestCollector, syncRow, token, tokenFor } from './harness.js';

interface Case {
  name: string;
  status: number;
  /** The field the error must name, a prefix; undefined: not checked. */
  field?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
  /** Send without a content-length (chunked), so only the streamed size can refuse it. */
  chunked?: boolean;
}

const KIOSK = 'lobby-1';
// Fields the kiosk submission lacks but a sync row has, comments the scrubbed limit allows, and
// NaN and ±Infinity, which JSON writes as null (a skipped answer).
const VALID_AS_SYNC_ROW = new Set([
  'unknown field kioskId',
  'unknown field createdAt',
  'comment bad #0',
  'comment bad #1',
  'comment bad #2',
  ...['worryBefore', 'worryAfter', 'overallHelpfulness'].flatMap((field) => [12, 13, 14].map((i) => `${field} bad #${i}`)),
]);

function rowCases(): Case[] {
  const cases: Case[] = [];
  const badRows = malformedPayloads().filter((c) => !VALID_AS_SYNC_ROW.has(c.name));
  const extra: { name: string; payload: unknown; field: string }[] = [
    ...['', 'lobby 1', 'x'.repeat(65), 7, null].map((kioskId, i) => ({ name: `kioskId bad #${i}`, payload: { kioskId }, field: 'kioskId' })),
    ...['', '2026-11-29', '2026-11-29T10:00:00Z', '2026-13-40T10:00:00.000Z', '2026-11-29T10:00:00.000+01:00', 0, null].map((createdAt, i) => ({
      name: `createdAt bad #${i}`,
      payload: { createdAt },
      field: 'createdAt',
    })),
    { name: 'comment over the scrubbed limit', payload: { comment: 'x'.repeat(1001) }, field: 'comment' },
    { name: 'partial missing', payload: { partial: undefined }, field: 'partial' },
  ].map((c) => ({ ...c, payload: { ...syncRow(KIOSK), ...(c.payload as object) } }));
  const all = [
    ...badRows.map((c) => ({
      name: c.name,
      payload:
        typeof c.payload === 'object' && c.payload !== null && !Array.isArray(c.payload)
          ? { kioskId: KIOSK, createdAt: '2026-11-20T10:00:00.000Z', ...c.payload }
          : c.payload,
      field: c.field,
    })),
    ...extra,
  ];
  // Each bad row alone, then hidden among valid rows: the whole batch is refused, valid rows too.
  for (const [position, size] of [
    [0, 1],
    [1, 2],
    [4, 5],
    [19, 20],
  ] as const) {
    for (const c of all) {
      const rows: unknown[] = Array.from({ length: size }, () => syncRow(KIOSK));
      rows[position] = c.payload;
      const field = c.field === null ? undefined : c.field === '' ? `rows.${position}` : `rows.${position}.${c.field}`;
      cases.push({ name: `${c.name} at row ${position} of ${size}`, status: 400, field, body: JSON.stringify({ protocolVersion: 1, rows }) });
    }
  }
  return cases;
}

function envelopeCases(otherKioskToken: string): Case[] {
  const valid = (extra: object = {}) => JSON.stringify({ protocolVersion: 1, rows: [syncRow(KIOSK)], ...extra });
  const cases: Case[] = [
    ...['', '{', '{"protocolVersion":1,"rows":[', 'null,', "{'protocolVersion':1}", 'NaN', '[1,2', '\u0000', '{"a":1}}', valid().slice(0, -1)].map(
      (body, i) => ({ name: `not JSON #${i}`, status: 400, body }),
    ),
    { name: 'invalid UTF-8', status: 400, body: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    ...[null, 42, '"text"', '[]', 'true'].map((body, i) => ({ name: `not an object #${i}`, status: 400, body: String(body) })),
    ...[0, 2, 99, -1].map((protocolVersion) => ({ name: `version ${protocolVersion}`, status: 400, body: valid({ protocolVersion }) })),
    ...['1', null, 1.5, true].map((protocolVersion, i) => ({ name: `version of wrong type #${i}`, status: 400, body: valid({ protocolVersion }) })),
    { name: 'version missing', status: 400, field: 'protocolVersion', body: JSON.stringify({ rows: [syncRow(KIOSK)] }) },
    { name: 'rows missing', status: 400, field: 'rows', body: JSON.stringify({ protocolVersion: 1 }) },
    { name: 'rows empty', status: 400, field: 'rows', body: JSON.stringify({ protocolVersion: 1, rows: [] }) },
    { name: 'rows an object', status: 400, field: 'rows', body: JSON.stringify({ protocolVersion: 1, rows: { 0: syncRow(KIOSK) } }) },
    { name: '501 rows', status: 400, field: 'rows', body: JSON.stringify({ protocolVersion: 1, rows: Array.from({ length: 501 }, () => syncRow(KIOSK)) }) },
    { name: 'unknown top-level field', status: 400, field: 'kiosk', body: valid({ kiosk: 'lobby-2' }) },
    { name: 'huge body, declared', status: 413, body: Buffer.alloc(5 * 1024 * 1024, 0x20) },
    { name: 'huge body, chunked', status: 413, body: Buffer.alloc(5 * 1024 * 1024, 0x20), chunked: true },
    {
      name: 'huge comment',
      status: 400,
      field: 'rows.0.comment',
      body: JSON.stringify({ protocolVersion: 1, rows: [syncRow(KIOSK, { comment: 'x'.repeat(1_000_000) })] }),
    },
    { name: 'text/plain', status: 400, headers: { 'content-type': 'text/plain' }, body: valid() },
    { name: 'no content type', status: 400, headers: { 'content-type': '' }, body: valid() },
    { name: 'no Idempotency-Key', status: 400, headers: { 'idempotency-key': '' }, body: valid() },
    ...['short', 'has spaces in it here', 'x'.repeat(129), 'ümlaut-key-000000000'].map((key, i) => ({
      name: `bad Idempotency-Key #${i}`,
      status: 400,
      headers: { 'idempotency-key': key },
      body: valid(),
    })),
    { name: 'no token', status: 401, headers: { authorization: '' }, body: valid() },
    { name: 'unknown token', status: 401, headers: { authorization: `Bearer ${token()}` }, body: valid() },
    { name: 'token with a character changed', status: 401, headers: { authorization: 'Bearer CHANGED' }, body: valid() },
    { name: 'Basic auth', status: 401, headers: { authorization: `Basic ${Buffer.from('lobby-1:secret').toString('base64')}` }, body: valid() },
    { name: 'token for another kiosk', status: 403, field: 'rows.0.kioskId', headers: { authorization: `Bearer ${otherKioskToken}` }, body: valid() },
    {
      name: 'token for another kiosk, one row of many',
      status: 403,
      field: 'rows.3.kioskId',
      headers: { authorization: `Bearer ${otherKioskToken}` },
      body: JSON.stringify({ protocolVersion: 1, rows: [0, 1, 2, 3, 4].map((i) => syncRow(i === 3 ? KIOSK : 'lobby-2')) }),
    },
  ];
  return cases;
}

function send(origin: string, c: Case, kioskToken: string): Promise<{ status: number; body: string }> {
  const url = new URL('v1/batches', origin);
  const body = typeof c.body === 'string' ? Buffer.from(c.body) : c.body;
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    authorization: `Bearer ${kioskToken}`,
    'idempotency-key': randomUUID(),
    ...(c.chunked ? {} : { 'content-length': body.length }),
    ...c.headers,
  };
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name];
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers }, (response) => {
      let text = '';
      response.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode!, body: text }));
    });
    // A refused huge body may be cut off while we still write: the answer came first.
    req.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
    req.end(body);
  });
}

describe('collector input', () => {
  it('answers more than 1,000 bad requests with a clear 4xx, and stores nothing', async () => {
    const collector = await startTestCollector([KIOSK, 'lobby-2']);
    const token = tokenFor(collector, KIOSK);
    const cases = [...rowCases(), ...envelopeCases(tokenFor(collector, 'lobby-2'))];
    expect(cases.length).toBeGreaterThanOrEqual(1_000);
    console.log(`collector bad-input cases: ${cases.length}`);
    const failures: string[] = [];
    for (const c of cases) {
      const { status, body } = await send(collector.origin, c, token);
      let error: { code?: string; message?: string; field?: string } | undefined;
      try {
        error = (JSON.parse(body) as { error?: typeof error }).error;
      } catch {
        error = undefined;
      }
      const ok =
        status === c.status &&
        error !== undefined &&
        SYNC_ERROR_CODES.includes(error.code as never) &&
        typeof error.message === 'string' &&
        error.message.length > 5 &&
        (c.field === undefined || (error.field ?? '').startsWith(c.field));
      if (!ok) failures.push(`${c.name}: ${status} ${body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await collector.query('SELECT id FROM feedback')).toEqual([]);
    expect(await collector.query('SELECT idempotency_key FROM sync_batches')).toEqual([]);
    // And the collector still works afterwards.
    const good = await send(collector.origin, { name: 'good', status: 200, body: JSON.stringify({ protocolVersion: 1, rows: [syncRow(KIOSK)] }) }, token);
    expect(good.status).toBe(200);
  });
});
