/**
 * A bounded barrage of hostile requests at the real HTTP transport on 127.0.0.1: no token, wrong
 * tokens and Host headers, undecodable and huge method names, wrong verbs and content types,
 * malformed, oversized and cut-off bodies, prototype keys, feedback for another content pack,
 * forged staff sessions. Every answer must be a 4xx, nothing may be stored, the server's heap must
 * stay flat, and the log must stay small however many come.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, TOKEN_HEADER } from '../../../electron/browser-shell/http-transport.js';
import { API_METHODS } from '../../../electron/common/api/methods.js';
import { malformedPayloads } from '../feedback/malformed-payloads.js';
import { validSubmission } from '../fixtures/feedback.js';
import { startTestServer, type TestServer } from './kiosk-server.js';
import { inPool, rawRequest } from './raw-http.js';

// A real collection between measurements, so the heap figures compare live objects, not garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Counts what the server logs without keeping it (keeping it would itself grow the heap). */
const logged = { lines: 0, bytes: 0, longest: 0 };
const countingLogger = pino(
  { level: 'info' },
  {
    write(line: string) {
      logged.lines++;
      logged.bytes += line.length;
      logged.longest = Math.max(logged.longest, line.length);
    },
  },
);

let server: TestServer;
let port: number;
beforeAll(async () => {
  server = await startTestServer({ logger: countingLogger });
  port = Number(new URL(server.shell.origin).port);
});
afterAll(() => server.stop());

interface HostileCase {
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/** Seeded, so a failure reproduces. */
function hostileCases(): HostileCase[] {
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const cases: HostileCase[] = [];
  const token = server.shell.token;
  const json = JSON.stringify(validSubmission());

  for (const method of API_METHODS) {
    for (const headers of [
      {} as Record<string, string>,
      { [TOKEN_HEADER]: '' },
      { [TOKEN_HEADER]: 'wrong' },
      { [TOKEN_HEADER]: `${token}x` },
      { [TOKEN_HEADER]: token.slice(1) },
      { [TOKEN_HEADER]: token.toUpperCase() },
    ]) {
      cases.push({ path: `/api/${method}`, headers, body: json });
    }
    cases.push({ path: `/api/${method}`, headers: { [TOKEN_HEADER]: token, host: 'evil.example:80' }, body: '{}' });
    for (const verb of ['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) cases.push({ path: `/api/${method}`, method: verb, headers: { [TOKEN_HEADER]: token } });
    cases.push({ path: `/api/${method}`, headers: { [TOKEN_HEADER]: token, 'content-type': 'text/plain' }, body: '{}' });
  }
  // Method names: unknown, undecodable, huge, odd characters. The huge ones carry no token, as an attacker's would.
  const alphabet = Array.from('abcXYZ%/._~-0123456789éü😀\u0000');
  for (let i = 0; i < 150; i++) {
    const name = Array.from({ length: 1 + random(40) }, () => alphabet[random(alphabet.length)]).join('');
    cases.push({ path: `/api/${encodeURI(name).replace(/%25/g, '%')}`, headers: { [TOKEN_HEADER]: i % 2 ? token : '' }, body: '{}' });
  }
  for (const size of [1_000, 4_000, 8_000]) {
    for (let i = 0; i < 20; i++) cases.push({ path: `/api/${String.fromCharCode(97 + i).repeat(size)}`, body: '{}' });
  }
  // Malformed feedback with the right token: every schema fault the contract knows that JSON can carry
  // (NaN would arrive as null, a valid answer).
  for (const { payload } of malformedPayloads()) {
    if (payload !== undefined && isDeepStrictEqual(JSON.parse(JSON.stringify(payload)), payload))
      cases.push({ path: '/api/submitFeedback', headers: { [TOKEN_HEADER]: token }, body: JSON.stringify(payload) });
  }
  // Bodies that are not JSON, not UTF-8, too large, or cut off mid-way.
  for (const body of ['{', '[', '"', 'null', '{"id":', '\u0000', '{"a":1}}', 'x'.repeat(1000)]) {
    for (const method of ['submitFeedback', 'unlockStaff', 'setupPins']) cases.push({ path: `/api/${method}`, headers: { [TOKEN_HEADER]: token }, body });
  }
  for (let i = 0; i < 30; i++)
    cases.push({
      path: '/api/submitFeedback',
      headers: { [TOKEN_HEADER]: token },
      body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0x80 + random(64), 0xff - random(8), 0x22, 0x7d]),
    });
  for (let i = 0; i < 10; i++)
    cases.push({ path: '/api/submitFeedback', headers: { [TOKEN_HEADER]: token }, body: 'x'.repeat(MAX_BODY_BYTES + 1 + random(MAX_BODY_BYTES)) });
  // Feedback of the right shape that does not fit the shown content, or reaches for a prototype.
  for (let i = 0; i < 60; i++) {
    const variants = [
      { topicHelpful: { [`topic-${i}`]: true } },
      { contentVersion: `${2 + (i % 8)}.${i}.0` },
      { locale: ['de', 'fr', 'es-MX', 'en-GB'][i % 4] },
      { topicHelpful: JSON.parse(`{"${['__proto__', 'constructor', 'prototype'][i % 3]}":true}`) },
    ];
    for (const change of variants)
      cases.push({ path: '/api/submitFeedback', headers: { [TOKEN_HEADER]: token }, body: JSON.stringify(validSubmission(change)) });
  }
  // Staff calls with forged sessions and PINs that no kiosk has (none is set up here). Not lockStaff:
  // ending a session that does not exist is a harmless success.
  for (let i = 0; i < 60; i++) {
    const method = ['getStaffStatus', 'getDashboard', 'getSettings', 'runRetention', 'quitKiosk', 'prepareExport'][i % 6];
    cases.push({ path: `/api/${method}`, headers: { [TOKEN_HEADER]: token }, body: JSON.stringify({ session: 'A'.repeat(16 + random(100)) }) });
    cases.push({ path: '/api/unlockStaff', headers: { [TOKEN_HEADER]: token }, body: JSON.stringify({ pin: String(1000 + random(9000)) }) });
  }
  return cases;
}

async function send({ path, method = 'POST', headers = {}, body }: HostileCase): Promise<number | string> {
  const head = [
    `${method} ${path} HTTP/1.1`,
    `Host: ${headers.host ?? `127.0.0.1:${port}`}`,
    `Content-Type: ${headers['content-type'] ?? 'application/json'}`,
    'Connection: close',
  ];
  for (const [name, value] of Object.entries(headers)) if (name !== 'host' && name !== 'content-type') head.push(`${name}: ${value}`);
  const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  if (method !== 'GET') head.push(`Content-Length: ${bytes.length}`);
  const answer = await rawRequest(port, head, bytes);
  return answer.status ?? answer.error ?? 'no answer';
}

/**
 * A body shorter than its Content-Length: the client sends part of it and then ends its side of
 * the connection. The server must answer a 4xx rather than wait, throw or reset.
 */
function cutOffCases(): { path: string; declared: number; sent: string }[] {
  const json = JSON.stringify(validSubmission());
  const cases = [];
  for (const method of ['submitFeedback', 'unlockStaff', 'setupPins', 'getBootstrap']) {
    for (const [declared, sent] of [
      [json.length, json.slice(0, json.length - 1)],
      [json.length + 1, json],
      [100, '{"pin":"12'],
      [10, ''],
      [MAX_BODY_BYTES, '{'],
    ] as const) {
      cases.push({ path: `/api/${method}`, declared, sent });
    }
  }
  return cases;
}

describe('bodies cut off before their Content-Length', () => {
  it('each get a 4xx answer, and nothing is stored', async () => {
    const cases = cutOffCases();
    const statuses = await inPool(cases.length, 4, async (i) => {
      const { path, declared, sent } = cases[i]!;
      const head = [
        `POST ${path} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        'Content-Type: application/json',
        `${TOKEN_HEADER}: ${server.shell.token}`,
        `Content-Length: ${declared}`,
      ];
      const answer = await rawRequest(port, head, sent);
      return `${path} ${declared}/${Buffer.byteLength(sent)}: ${answer.status ?? answer.error ?? 'no answer'}`;
    });
    expect(statuses.filter((line) => !/: 4\d\d$/.test(line))).toEqual([]);
    expect(server.core.feedback.store!.countTotal()).toBe(0);
  });
});

describe('a barrage of hostile requests', () => {
  it('gets only 4xx answers, stores nothing, keeps the heap flat and the log small', async () => {
    const cases = hostileCases();
    expect(cases.length).toBeGreaterThanOrEqual(1000);

    // A first pass warms up every code path, so the measured passes compare like with like.
    await inPool(cases.length, 8, (i) => send(cases[i]!));
    collectGarbage();
    const heapBefore = process.memoryUsage().heapUsed;
    const logBefore = { ...logged };

    const statuses: (number | string)[] = [];
    for (let pass = 0; pass < 2; pass++) statuses.push(...(await inPool(cases.length, 8, (i) => send(cases[i]!))));
    collectGarbage();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;

    const notClientErrors = statuses.filter((status) => typeof status !== 'number' || status < 400 || status > 499);
    expect(notClientErrors).toEqual([]);
    console.log(
      `${statuses.length} hostile requests (${cases.length} cases × 2 after a warm-up pass): heap ${(heapGrowth / 1024).toFixed(0)} KiB, log +${logged.lines - logBefore.lines} lines / ${((logged.bytes - logBefore.bytes) / 1024).toFixed(1)} KiB`,
    );
    expect(heapGrowth).toBeLessThan(4 * 1024 * 1024);
    // Refusals are rate-limited per kind, so two more passes add at most a few lines per kind.
    expect(logged.bytes - logBefore.bytes).toBeLessThan(64 * 1024);
    expect(logged.longest).toBeLessThan(1024);

    expect(server.core.feedback.store!.countTotal()).toBe(0);
    expect((await server.call('getStaffSetup', {})).pinsConfigured).toBe(false);
    expect(existsSync(join(server.dataDir, 'exports'))).toBe(false);
  }, 120_000);
});
