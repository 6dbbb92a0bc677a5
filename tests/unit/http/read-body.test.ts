/**
 * The one body reader both servers use (the kiosk's API and the collector), on a plain loopback
 * server: the reader alone decides what each answer says.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readBodyText, type BodyResult } from '../../../electron/node-core/read-body.js';
import { chunked, inPool, rawRequest } from './raw-http.js';

const CAP = 64 * 1024;
let server: Server;
let port: number;
/** What the reader returned, request by request. */
const results: BodyResult[] = [];

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await readBodyText(request, CAP);
    results.push(body);
    const text = body.ok ? `read ${Buffer.byteLength(body.text)}` : body.problem;
    response.writeHead(body.ok ? 200 : body.problem === 'too_large' ? 413 : 400, { 'Content-Type': 'text/plain', 'Content-Length': Buffer.byteLength(text) });
    response.end(text);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const head = (extra: string[]) => ['POST / HTTP/1.1', `Host: 127.0.0.1:${port}`, 'Connection: close', ...extra];
describe('readBodyText', () => {
  it('reads a body up to the cap, to the byte', async () => {
    const answer = await rawRequest(port, head([`Content-Length: ${CAP}`]), 'é'.repeat(CAP / 2));
    expect([answer.status, answer.text.split('\r\n\r\n')[1]]).toEqual([200, `read ${CAP}`]);
  });

  it('refuses one byte more, whether the length is declared or streamed', async () => {
    const body = Buffer.alloc(CAP + 1, 'a');
    expect((await rawRequest(port, head([`Content-Length: ${body.length}`]), body)).text).toMatch(/^HTTP\/1\.1 413[^]*too_large$/);
    expect((await rawRequest(port, head(['Transfer-Encoding: chunked']), chunked(body))).text).toMatch(/^HTTP\/1\.1 413[^]*too_large$/);
  });

  // Without the drain the server closes on unread bytes, the OS sends a reset, and the client can
  // lose the answer (the kiosk's API did, before issue 7).
  it('drains an oversized body, so the 413 always arrives: 200 raw requests on closing connections', async () => {
    const body = Buffer.alloc(3 * CAP, 'a');
    const answers = await inPool(200, 8, (index) =>
      rawRequest(port, head(index % 2 ? [`Content-Length: ${body.length}`] : ['Transfer-Encoding: chunked']), index % 2 ? body : chunked(body)),
    );
    expect(answers.map((answer) => answer.status ?? answer.error).filter((status) => status !== 413)).toEqual([]);
  });

  it('names bytes that are not UTF-8', async () => {
    expect((await rawRequest(port, head(['Content-Length: 2']), Buffer.from([0xc3, 0x28]))).text).toMatch(/^HTTP\/1\.1 400[^]*not_utf8$/);
  });

  // The collector's old reader threw here instead (the stream's 'aborted' error).
  it('names a body cut off mid-way (the client sends 4 of 100 bytes and goes)', async () => {
    const before = results.length;
    await rawRequest(port, head(['Content-Length: 100']), 'half');
    await vi.waitFor(() => expect(results.length).toBe(before + 1));
    expect(results.at(-1)).toEqual({ ok: false, problem: 'cut_off', message: 'the body was cut off' });
  });
});
