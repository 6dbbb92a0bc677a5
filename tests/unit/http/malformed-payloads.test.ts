import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../electron/node-browser-shell/http-transport.js';
import { malformedPayloads } from '../feedback/malformed-payloads.js';
import { validSubmission } from '../fixtures/feedback.js';
import { startTestServer, type TestServer } from './kiosk-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop()); // `?.`: a failed beforeAll must show its own error, not this one

interface HttpCase {
  name: string;
  body: string | Uint8Array<ArrayBuffer>;
  /** The field the error must name (a prefix for nested paths); null when several are wrong or none applies. */
  field: string | null;
  /** 400 unless said otherwise. */
  status?: number;
}

/**
 * The shared malformed submissions, as JSON bodies. Those JSON cannot carry as they are (NaN and
 * Infinity become null, undefined disappears) would test something else, so they are left out.
 */
function schemaCases(): HttpCase[] {
  return malformedPayloads()
    .filter(({ payload }) => payload !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(payload)), payload))
    .map(({ name, payload, field }) => ({ name, body: JSON.stringify(payload), field }));
}

/** What only a transport sees: bodies that are not JSON objects, not UTF-8, or too large. */
function transportCases(): HttpCase[] {
  const cases: HttpCase[] = [];
  for (const body of ['{', '{"id":', "{'id': 1}", '{"a":1,}', 'undefined', '\u0000', '{"id":"x"}}', 'NaN']) {
    cases.push({ name: `not JSON: ${JSON.stringify(body)}`, body, field: null });
  }
  const prefix = new TextEncoder().encode('{"comment":"');
  for (const bytes of [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf]]) {
    cases.push({ name: `invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`, body: new Uint8Array([...prefix, ...bytes, 0x22, 0x7d]), field: null });
  }
  cases.push({ name: 'a body over the cap', body: JSON.stringify(validSubmission({ comment: 'a'.repeat(MAX_BODY_BYTES) })), field: null, status: 413 });
  return cases;
}

describe('the HTTP transport refuses malformed feedback', () => {
  const cases = [...schemaCases(), ...transportCases()];

  it('has at least 200 distinct malformed payloads', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name → 4xx invalid_input, field named, nothing stored', async ({ body, field, status: expected = 400 }) => {
    const { status, json } = await server.post('submitFeedback', body);
    expect(status).toBe(expected);
    expect(json).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.any(String) } });
    if (field) expect(json.error.field.startsWith(field)).toBe(true);
  });

  it('stored nothing, and still takes a valid submission afterwards', async () => {
    expect(server.core.feedback.database!.feedback.countTotal()).toBe(0);
    const feedback = validSubmission();
    const { status, json } = await server.post('submitFeedback', JSON.stringify(feedback));
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, value: { id: feedback.id, duplicate: false } });
    expect(server.core.feedback.database!.feedback.countTotal()).toBe(1);
  });
});

describe('the HTTP transport guards its boundary', () => {
  it('refuses a missing or wrong token, and stores nothing', async () => {
    const body = JSON.stringify(validSubmission());
    const before = server.core.feedback.database!.feedback.countTotal();
    for (const headers of [{ 'x-kiosk-token': '' }, { 'x-kiosk-token': 'wrong' }, { 'x-kiosk-token': `${server.shell.token}x` }]) {
      const { status, json } = await server.post('submitFeedback', body, headers);
      expect(status).toBe(401);
      expect(json.error.code).toBe('unauthorized');
    }
    const noToken = await fetch(new URL('/api/submitFeedback', server.shell.origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noToken.status).toBe(401);
    expect(server.core.feedback.database!.feedback.countTotal()).toBe(before);
  });

  it('refuses another content type, an unknown method and GET', async () => {
    expect((await server.post('submitFeedback', JSON.stringify(validSubmission()), { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await server.post('dropTables', '{}')).json.error.code).toBe('not_found');
    const get = await fetch(new URL('/api/getBootstrap', server.shell.origin), { headers: { 'x-kiosk-token': server.shell.token } });
    expect(get.status).toBe(400);
  });

  it('refuses unfinished feedback when the kiosk does not keep it (the default)', async () => {
    const feedback = validSubmission({ partial: true });
    const { status, json } = await server.post('submitFeedback', JSON.stringify(feedback));
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'invalid_input', field: 'partial' });
    expect(server.core.feedback.database!.feedback.getById(feedback.id)).toBeUndefined();
  });

  it('stores the same UUID once', async () => {
    const feedback = validSubmission();
    const first = await server.post('submitFeedback', JSON.stringify(feedback));
    const second = await server.post('submitFeedback', JSON.stringify({ ...feedback, comment: 'changed' }));
    expect(first.json.value.duplicate).toBe(false);
    expect(second.json.value.duplicate).toBe(true);
    expect(server.core.feedback.database!.feedback.getById(feedback.id)?.comment).toBe(feedback.comment);
  });
});
