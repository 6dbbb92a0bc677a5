/**
 * The collector's HTTP server: kiosks POST batches, managers read the report, monitoring reads
 * /health. It sits behind the clinic's TLS terminator (a reverse proxy) when kiosks reach it over
 * the network; it speaks plain HTTP itself.
 *
 *   GET  /health        200 {"status":"ok"} while PostgreSQL answers, else 503
 *   POST /v1/batches    the sync protocol (docs/sync-protocol.md)
 *   GET  /report        the managers' report (HTML); /report.csv the same as CSV; report token
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import * as v from 'valibot';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  MAX_BATCH_BYTES,
  SYNC_BATCH_PATH,
  SYNC_ERROR_STATUS,
  SYNC_PROTOCOL_VERSION,
  SyncBatchRequestSchema,
  type SyncBatchResponse,
  type SyncErrorCode,
} from '../common/sync/protocol.js';
import { firstFieldError } from '../common/validation.js';
import { sendJson, sendText } from '../node-core/http-reply.js';
import { readBodyText } from '../node-core/read-body.js';
import { IdempotencyConflict, type CollectorStore } from './collector-store.js';
import { reportCsv, reportHtml } from './report.js';
import type { TokenBook } from './tokens.js';

export interface CollectorServerOptions {
  store: CollectorStore;
  tokens: TokenBook;
  logger: Logger;
  port: number;
  host?: string;
}

export interface RunningCollector {
  server: Server;
  /** e.g. http://127.0.0.1:8080/ */
  origin: string;
  close(): Promise<void>;
}

class Refusal extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

function refuse(code: SyncErrorCode, message: string, field?: string): never {
  throw new Refusal(code, message, field);
}

/** Seconds a kiosk should wait before retrying when the database is down. */
const UNAVAILABLE_RETRY_SECONDS = 30;

export async function startCollectorServer({ store, tokens, logger, port, host = '127.0.0.1' }: CollectorServerOptions): Promise<RunningCollector> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      logger.error({ err: error }, 'request failed');
      if (!response.headersSent) sendJson(response, 500, { error: { code: 'unavailable', message: 'internal error' } });
      else response.destroy();
    });
  });
  // Headers and bodies must arrive in bounded time: a trickling client cannot hold a connection forever.
  server.requestTimeout = 60_000;
  server.headersTimeout = 20_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://collector').pathname;
    if (path === '/health' && request.method === 'GET') {
      const healthy = await store.healthy();
      return sendJson(response, healthy ? 200 : 503, { status: healthy ? 'ok' : 'database unavailable' });
    }
    if (path === `/${SYNC_BATCH_PATH}`) return ingest(request, response);
    if ((path === '/report' || path === '/report.csv') && request.method === 'GET') return report(request, response, path.endsWith('.csv'));
    request.resume();
    sendJson(response, 404, { error: { code: 'invalid_request', message: 'no such address' } });
  }

  async function ingest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = Date.now();
    let kioskId: string | null = null;
    try {
      if (request.method !== 'POST') refuse('invalid_request', 'batches must be sent with POST');
      kioskId = tokens.kioskFor(bearerToken(request));
      if (kioskId === null) refuse('unauthorized', 'missing or unknown bearer token');
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) refuse('invalid_request', 'the body must be application/json');
      const key = request.headers[IDEMPOTENCY_KEY_HEADER];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(key))
        refuse('invalid_request', 'the Idempotency-Key header must be 16 to 128 letters, digits, "-" or "_"');
      const body = await readBody(request);
      const input = parseJson(body);
      if (typeof input === 'object' && input !== null && 'protocolVersion' in input && input.protocolVersion !== SYNC_PROTOCOL_VERSION) {
        refuse(
          'unsupported_version',
          `protocol version ${JSON.stringify(input.protocolVersion)} is not supported; this collector speaks version ${SYNC_PROTOCOL_VERSION}`,
        );
      }
      const parsed = v.safeParse(SyncBatchRequestSchema, input);
      if (!parsed.success) {
        const { field, message } = firstFieldError(parsed.issues);
        refuse('invalid_request', field ? `${field}: ${message}` : message, field || undefined);
      }
      const { rows } = parsed.output;
      const stranger = rows.findIndex((row) => row.kioskId !== kioskId);
      if (stranger >= 0) refuse('forbidden_kiosk', `rows.${stranger}.kioskId: this token may only send rows of kiosk "${kioskId}"`, `rows.${stranger}.kioskId`);
      const sha = createHash('sha256').update(body).digest('hex');
      let acknowledged: string[] = [];
      try {
        acknowledged = await store.storeBatch(kioskId!, key as string, sha, rows);
      } catch (error) {
        if (error instanceof IdempotencyConflict) refuse('idempotency_conflict', error.message);
        logger.error({ err: error, kioskId }, 'could not store a batch; the kiosk will retry');
        refuse('unavailable', 'the database is unavailable; try again later');
      }
      logger.info({ kioskId, rows: rows.length, acknowledged: acknowledged.length, ms: Date.now() - started }, 'batch stored');
      const answer: SyncBatchResponse = { protocolVersion: SYNC_PROTOCOL_VERSION, acknowledged: acknowledged };
      sendJson(response, 200, answer);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      // The reason, never the body: it holds patients' comments.
      logger.warn({ kioskId, code: error.code, message: error.message }, 'batch refused');
      const headers: Record<string, string> = {};
      if (error.code === 'unauthorized') headers['www-authenticate'] = 'Bearer realm="clinic-kiosk-collector"';
      if (error.code === 'unavailable') headers['retry-after'] = String(UNAVAILABLE_RETRY_SECONDS);
      // Stop reading whatever is left of a refused body, and close rather than keep the connection.
      if (!request.complete) headers.connection = 'close';
      sendJson(
        response,
        SYNC_ERROR_STATUS[error.code],
        { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } },
        headers,
      );
      if (!request.complete) request.resume();
    }
  }

  async function report(request: IncomingMessage, response: ServerResponse, csv: boolean): Promise<void> {
    request.resume();
    if (!tokens.isReportToken(bearerToken(request) ?? basicPassword(request))) {
      // Basic lets a manager open the report in a browser: any user name, the report token as password.
      return sendJson(
        response,
        401,
        { error: { code: 'unauthorized', message: 'the report needs the report token' } },
        { 'www-authenticate': 'Basic realm="Clinic Kiosk report", charset="UTF-8"' },
      );
    }
    const weeks = await store.report();
    if (csv) {
      return sendText(response, 200, reportCsv(weeks), 'text/csv; charset=utf-8', { 'content-disposition': 'attachment; filename="clinic-kiosk-report.csv"' });
    }
    sendText(response, 200, reportHtml(weeks, await store.latestComments()), 'text/html; charset=utf-8', {
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}/`;
  return {
    server,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer ([\x21-\x7e]+)$/i.exec(request.headers.authorization ?? '');
  return match ? match[1]! : null;
}

function basicPassword(request: IncomingMessage): string | null {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(request.headers.authorization ?? '');
  if (!match) return null;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : null;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const body = await readBodyText(request, MAX_BATCH_BYTES);
  if (body.ok) return body.text;
  return refuse(body.problem === 'too_large' ? 'too_large' : 'invalid_request', body.message);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return refuse('invalid_request', 'the body is not valid JSON');
  }
}
