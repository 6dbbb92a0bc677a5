/**
 * The browser shell's API transport: POST /api/<method> with a JSON body, answered with an ApiResult.
 * It guards the loopback boundary (token, Host header, size, encoding, JSON) and then hands the
 * request to the shared dispatcher, which validates the input against the contract.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KioskApi } from '../common/api/contract.js';
import { dispatch } from '../common/api/dispatch.js';
import { HTTP_STATUS, type ApiErrorBody, type ApiResult } from '../common/api/errors.js';
import type { Logger } from '../node/log/logger.js';
import { readBodyText } from '../node/read-body.js';

export const API_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-kiosk-token';
/** Far above any real request (a feedback with a 500-character comment is under 4 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiHandlerOptions {
  api: KioskApi;
  token: string;
  /** Host headers accepted, e.g. `127.0.0.1:4173`: refuses DNS-rebinding pages. */
  allowedHosts: () => readonly string[];
  logger: Logger;
}

class RequestRejected extends Error {
  constructor(readonly body: ApiErrorBody) {
    super(body.message);
  }
}

const reject = (code: ApiErrorBody['code'], message: string): never => {
  throw new RequestRejected({ code, message });
};

export function createApiHandler({ api, token, allowedHosts, logger }: ApiHandlerOptions) {
  const expectedToken = Buffer.from(token);

  return async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = decodeURIComponent(request.url!.slice(API_PREFIX.length).split('?')[0]!);
    let result: ApiResult<unknown>;
    try {
      if (!allowedHosts().includes(request.headers.host ?? '')) reject('unauthorized', 'this address is not served');
      if (!tokenMatches(request.headers[TOKEN_HEADER], expectedToken)) reject('unauthorized', 'missing or wrong API token');
      if (request.method !== 'POST') reject('invalid_input', 'API calls must use POST');
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) reject('invalid_input', 'the body must be application/json');
      const input = parseJson(await readBody(request));
      result = await dispatch(api, method, input, {
        onInternalError: (name, error) => logger.error({ err: error, method: name }, 'API call failed'),
      });
    } catch (error) {
      if (!(error instanceof RequestRejected)) throw error;
      result = { ok: false, error: error.body };
    }
    if (!result.ok) logger.warn({ method, code: result.error.code, message: result.error.message }, 'API call refused');
    sendJson(response, result.ok ? 200 : HTTP_STATUS[result.error.code], result);
  };
}

function tokenMatches(header: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body.ok) return body.text;
  // Whatever is left unread is drained, so the answer still reaches the client.
  request.resume();
  return reject('invalid_input', body.problem === 'too_large' ? `the body is larger than ${MAX_BODY_BYTES} bytes` : 'the body is not valid UTF-8');
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return reject('invalid_input', 'the body is not valid JSON');
  }
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
