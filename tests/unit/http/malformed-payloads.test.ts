import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../electron/browser-shell/http-transport.js';
import { startTestServer, validFeedback, type TestServer } from './kiosk-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.stop());

const FIELDS = ['id', 'locale', 'contentVersion', 'worryBefore', 'worryAfter', 'topicHelpful', 'overallHelpfulness', 'answeredQuestions', 'comment'];
const WRONG_VALUES: unknown[] = ['x', '', 3.5, -1, 0, 6, 99, true, false, [], [1], {}, { a: 1 }, '1', 'yes please', 1e308];
const NOT_NULLABLE = new Set(['id', 'locale', 'contentVersion', 'topicHelpful']);

/** Bodies that must each be refused with 400 and store nothing, with the field named where there is one. */
function malformedBodies(): { name: string; body: string | Uint8Array<ArrayBuffer>; field?: string }[] {
  const cases: { name: string; body: string | Uint8Array<ArrayBuffer>; field?: string }[] = [];
  const json = (value: unknown) => JSON.stringify(value);
  for (const field of FIELDS) {
    for (const value of WRONG_VALUES) {
      const body = validFeedback({ [field]: value });
      // Skip the few "wrong" values that are in fact valid for this field.
      if (field === 'topicHelpful' && typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0) continue;
      if (['worryBefore', 'worryAfter', 'overallHelpfulness'].includes(field) && Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 5) continue;
      if (field === 'comment' && typeof value === 'string') continue;
      cases.push({ name: `${field} = ${json(value)}`, body: json(body), field });
    }
    const missing = validFeedback();
    delete missing[field];
    cases.push({ name: `${field} missing`, body: json(missing), field });
    if (NOT_NULLABLE.has(field)) cases.push({ name: `${field} = null`, body: json(validFeedback({ [field]: null })), field });
  }
  for (const extra of ['name', 'email', 'phone', 'ip', 'userAgent', 'deviceId', '__proto__x', 'constructor', 'Comment', 'kioskId']) {
    cases.push({ name: `unknown field ${extra}`, body: json(validFeedback({ [extra]: 'x' })), field: extra });
  }
  for (const id of ['not-a-uuid', '12345678-1234-1234-1234-123456789012', '{4b0c}', 'g'.repeat(36), '00000000-0000-0000-0000-000000000000']) {
    cases.push({ name: `id ${id}`, body: json(validFeedback({ id })), field: 'id' });
  }
  for (const locale of ['english', 'EN', 'en_US', 'e', '../../etc']) cases.push({ name: `locale ${locale}`, body: json(validFeedback({ locale })), field: 'locale' });
  for (const contentVersion of ['1', 'v1.0.0', '1.0', '1.0.0-beta', '9'.repeat(40)]) {
    cases.push({ name: `contentVersion ${contentVersion}`, body: json(validFeedback({ contentVersion })), field: 'contentVersion' });
  }
  for (const length of [501, 1000, 20_000]) cases.push({ name: `comment of ${length}`, body: json(validFeedback({ comment: 'a'.repeat(length) })), field: 'comment' });
  for (const comment of ['bell\u0007', 'nul\u0000byte', 'lone \ud800 surrogate']) cases.push({ name: `comment ${json(comment)}`, body: json(validFeedback({ comment })), field: 'comment' });
  const tooManyTopics = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`topic-${i}`, true]));
  cases.push({ name: '33 topic answers', body: json(validFeedback({ topicHelpful: tooManyTopics })), field: 'topicHelpful' });
  for (const key of ['Upper', 'has space', '../x', '-lead', 'a'.repeat(65)]) {
    cases.push({ name: `topic id ${key}`, body: json(validFeedback({ topicHelpful: { [key]: true } })), field: `topicHelpful` });
  }
  for (const value of ['yes', 1, null]) cases.push({ name: `topic answer ${json(value)}`, body: json(validFeedback({ topicHelpful: { summary: value } })), field: 'topicHelpful.summary' });
  for (const body of ['[]', '"text"', '42', 'null', 'true', '[{"id":1}]']) cases.push({ name: `body ${body}`, body });
  for (const body of ['{', '{"id":', "{'id': 1}", '{"a":1,}', 'undefined', '\u0000', '{"id":"x"}}']) cases.push({ name: `bad JSON ${json(body)}`, body });
  const invalidUtf8 = [[0xff], [0xc3, 0x28], [0xe2, 0x82], [0xf0, 0x28, 0x8c, 0x28], [0xed, 0xa0, 0x80], [0xc0, 0xaf]];
  for (const bytes of invalidUtf8) {
    const prefix = new TextEncoder().encode('{"comment":"');
    cases.push({ name: `invalid UTF-8 ${bytes.map((b) => b.toString(16)).join(' ')}`, body: new Uint8Array([...prefix, ...bytes, 0x22, 0x7d]) });
  }
  cases.push({ name: 'body over the cap', body: json(validFeedback({ comment: 'a'.repeat(MAX_BODY_BYTES) })) });
  return cases;
}

describe('the HTTP transport refuses malformed feedback', () => {
  const cases = malformedBodies();

  it('generates at least 200 distinct malformed payloads', () => {
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name → 400, named field, nothing stored', async ({ body, field }) => {
    const { status, json } = await server.post('submitFeedback', body);
    expect(status).toBe(400);
    expect(json).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(json.error.message).toEqual(expect.any(String));
    // A bad topic id or answer is named inside topicHelpful (e.g. `topicHelpful.summary`).
    if (field?.startsWith('topicHelpful')) expect(json.error.field).toMatch(/^topicHelpful/);
    else if (field) expect(json.error.field).toBe(field);
  });

  it('stored nothing, and still serves a valid submission afterwards', async () => {
    expect(server.core.feedback.store!.countTotal()).toBe(0);
    const feedback = validFeedback();
    const { status, json } = await server.post('submitFeedback', JSON.stringify(feedback));
    expect(status).toBe(200);
    expect(json).toEqual({ ok: true, value: { id: feedback.id, duplicate: false } });
    expect(server.core.feedback.store!.countTotal()).toBe(1);
  });
});

describe('the HTTP transport guards its boundary', () => {
  it('refuses a missing or wrong token, and stores nothing', async () => {
    const body = JSON.stringify(validFeedback());
    for (const headers of [{ 'x-kiosk-token': '' }, { 'x-kiosk-token': 'wrong' }, { 'x-kiosk-token': `${server.shell.token}x` }]) {
      const { status, json } = await server.post('submitFeedback', body, headers);
      expect(status).toBe(401);
      expect(json.error.code).toBe('unauthorized');
    }
    const before = server.core.feedback.store!.countTotal();
    const noToken = await fetch(new URL('/api/submitFeedback', server.shell.origin), { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(noToken.status).toBe(401);
    expect(server.core.feedback.store!.countTotal()).toBe(before);
  });

  it('refuses another content type, an unknown method and GET', async () => {
    expect((await server.post('submitFeedback', JSON.stringify(validFeedback()), { 'content-type': 'text/plain' })).status).toBe(400);
    expect((await server.post('dropTables', '{}')).json.error.code).toBe('not_found');
    const get = await fetch(new URL('/api/getBootstrap', server.shell.origin), { headers: { 'x-kiosk-token': server.shell.token } });
    expect(get.status).toBe(400);
  });

  it('stores the same UUID once', async () => {
    const feedback = validFeedback();
    const first = await server.post('submitFeedback', JSON.stringify(feedback));
    const second = await server.post('submitFeedback', JSON.stringify({ ...feedback, comment: 'changed' }));
    expect(first.json.value.duplicate).toBe(false);
    expect(second.json.value.duplicate).toBe(true);
    expect(server.core.feedback.store!.getById(feedback.id as string)?.comment).toBe(feedback.comment);
  });
});
