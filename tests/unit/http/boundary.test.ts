/**
 * The loopback transport's edges, over real HTTP on 127.0.0.1: undecodable method names, bodies
 * past the cap on connections that close, roles, feedback that does not match the shown content,
 * and download links whose file is gone.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, TOKEN_HEADER } from '../../../electron/node-browser-shell/http-transport.js';
import { outcomeOf } from '../export/helpers.js';
import { ADMIN_PIN, STAFF_PIN } from '../fixtures/core.js';
import { validSubmission } from '../fixtures/feedback.js';
import { startTestServer, type TestServer } from './kiosk-server.js';
import { chunked, inPool, rawRequest } from './raw-http.js';

let server: TestServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer();
  port = Number(new URL(server.shell.origin).port);
});
afterAll(() => server.stop());

const apiHead = (path: string, extra: string[] = []) => [
  `POST ${path} HTTP/1.1`,
  `Host: 127.0.0.1:${port}`,
  `${TOKEN_HEADER}: ${server.shell.token}`,
  'Content-Type: application/json',
  ...extra,
];

describe('method names that are not valid percent-encoding', () => {
  it.each(['/api/%E0%A4%A', '/api/%', '/api/%zz', '/api/submit%Feedback'])('%s → 400 invalid_input', async (path) => {
    const answer = await rawRequest(port, apiHead(path, ['Content-Length: 2', 'Connection: close']), '{}');
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('"code":"invalid_input"');
  });
});

describe('the page, like the API, answers only at the kiosk address', () => {
  it.each(['evil.example', 'evil.example:{port}', '127.0.0.2:{port}', ''])('Host "%s" → 421, no bootstrap', async (host) => {
    const answer = await rawRequest(port, ['GET / HTTP/1.1', `Host: ${host.replace('{port}', String(port))}`, 'Connection: close']);
    expect(answer.status).toBe(421);
    expect(answer.text).not.toContain('kiosk-bootstrap');
  });

  it('and the kiosk page at its own address', async () => {
    const answer = await fetch(`http://127.0.0.1:${port}/`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('kiosk-bootstrap');
  });
});

describe('a body over 64 KiB on a connection that closes', () => {
  const body = Buffer.from(JSON.stringify(validSubmission({ comment: 'a'.repeat(3 * MAX_BODY_BYTES) })));

  it('always gets its 413, never a reset: 200 raw requests, declared length', async () => {
    const answers = await inPool(200, 8, () => rawRequest(port, apiHead('/api/submitFeedback', [`Content-Length: ${body.length}`, 'Connection: close']), body));
    const statuses = answers.map((answer) => answer.status ?? answer.error);
    expect(statuses.filter((status) => status !== 413)).toEqual([]);
  });

  it('and the same with a chunked body of unknown length', async () => {
    const answers = await inPool(100, 8, () =>
      rawRequest(port, apiHead('/api/submitFeedback', ['Transfer-Encoding: chunked', 'Connection: close']), chunked(body)),
    );
    expect(answers.map((answer) => answer.status ?? answer.error).filter((status) => status !== 413)).toEqual([]);
    expect(server.core.feedback.database!.feedback.countTotal()).toBe(0);
  });
});

describe('feedback must match the content the kiosk shows', () => {
  it.each([
    ['a topic the pack does not define', { topicHelpful: { summary: true, 'not-in-this-pack': false } }, 'topicHelpful.not-in-this-pack'],
    ['another content version', { contentVersion: '9.9.9' }, 'contentVersion'],
    ['another locale', { locale: 'es-MX' }, 'locale'],
  ])('%s → 400, field named, nothing stored', async (_name, change, field) => {
    const feedback = validSubmission(change);
    const { status, json } = await server.post('submitFeedback', JSON.stringify(feedback));
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 'invalid_input', field });
    expect(server.core.feedback.database!.feedback.getById(feedback.id)).toBeUndefined();
  });

  it('while every topic the pack defines is taken', async () => {
    const { content } = await server.call('getBootstrap', {});
    const topicHelpful = Object.fromEntries(
      [content.summary.id, content.comparison.id, content.faq.id, ...content.sections.map((s: { id: string }) => s.id)].map((id) => [id, true]),
    );
    const feedback = validSubmission({ topicHelpful });
    expect(await server.call('submitFeedback', feedback)).toEqual({ id: feedback.id, duplicate: false });
    expect(server.core.feedback.database!.feedback.getById(feedback.id)?.topicHelpful).toEqual(topicHelpful);
  });
});

describe('roles and downloads', () => {
  let staff: string;
  let admin: string;
  beforeAll(async () => {
    await server.call('setupPins', { staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
    staff = (await server.call('unlockStaff', { pin: STAFF_PIN })).session;
    admin = (await server.call('unlockStaff', { pin: ADMIN_PIN })).session;
  });

  it('a staff session calling an admin method → 403 forbidden; no session → 401', async () => {
    const asStaff = await server.post('getSettings', JSON.stringify({ session: staff }));
    expect(asStaff.status).toBe(403);
    expect(asStaff.json.error.code).toBe('forbidden');
    const ended = await server.post('getSettings', JSON.stringify({ session: 'x'.repeat(43) }));
    expect(ended.status).toBe(401);
  });

  it('a download link whose file is gone → 404, and the server keeps serving', async () => {
    await server.call('submitFeedback', validSubmission());
    const prepared = outcomeOf('download', await server.call('prepareExport', { session: admin, format: 'csv', destination: 'download' }));
    rmSync(`${server.dataDir}/exports`, { recursive: true, force: true });
    const response = await fetch(new URL(prepared.downloadUrl, server.shell.origin));
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/expired|already used/);
    expect((await server.post('getBootstrap', '{}')).status).toBe(200);
  });
});
