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
import type { Logger } from '../node-core/log/logger.js';
import { sendJson } from '../node-core/http-reply.js';
import { readBodyText } from '../node-core/read-body.js';
import { RefusalLog } from './refusal-log.js';

export const API_PREFIX = '/api/';
export const TOKEN_HEADER = 'x-kiosk-token';
/** Far above any real request (a feedback with a 500-character comment is under 4 KiB). */
export const MAX_BODY_BYTES = 64 * 1024;

export interface ApiHandlerOptions {
  api: KioskApi;
  token: string;
  /** Whether the request came to the kiosk's own address (its Host header): refuses DNS-rebinding pages. */
  servedHere: (request: IncomingMessage) => boolean;
  logger: Logger;
}

class RequestRejected extends Error {
  constructor(
    readonly body: ApiErrorBody,
    /** An HTTP status more precise than the code's, e.g. 413. */
    readonly status?: number,
  ) {
    super(body.message);
  }
}

const reject = (code: ApiErrorBody['code'], message: string, status?: number): never => {
  throw new RequestRejected({ code, message }, status);
};

export function createApiHandler({ api, token, servedHere, logger }: ApiHandlerOptions) {
  const expectedToken = Buffer.from(token);
  const refusals = new RefusalLog(logger);

  return async function handleApi(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = safeDecode(request.url!.slice(API_PREFIX.length).split('?')[0]!);
    let result: ApiResult<unknown>;
    let status: number | undefined;
    try {
      if (method === null) reject('invalid_input', 'the method name is not valid percent-encoding');
      if (!servedHere(request)) reject('unauthorized', 'this address is not served');
      if (!tokenMatches(request.headers[TOKEN_HEADER], expectedToken)) reject('unauthorized', 'missing or wrong API token');
      if (request.method !== 'POST') reject('invalid_input', 'API calls must use POST');
      if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) reject('invalid_input', 'the body must be application/json');
      const input = parseJson(await readBody(request));
      result = await dispatch(api, method!, input, {
        onInternalError: (name, error) => logger.error({ err: error, method: name }, 'API call failed'),
      });
    } catch (error) {
      if (!(error instanceof RequestRejected)) throw error;
      result = { ok: false, error: error.body };
      status = error.status;
    }
    if (!result.ok) refusals.record(method, result.error);
    sendJson(response, result.ok ? 200 : (status ?? HTTP_STATUS[result.error.code]), result);
  };
}

/** The text a percent-encoded path part stands for, or null where it is not valid encoding. */
export function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function tokenMatches(header: string | string[] | undefined, expected: Buffer): boolean {
  if (typeof header !== 'string') return false;
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The body as text, or the request refused with the problem named. */
async function readBody(request: IncomingMessage): Promise<string> {
  const body = await readBodyText(request, MAX_BODY_BYTES);
  if (body.ok) return body.text;
  return reject('invalid_input', body.message, body.problem === 'too_large' ? 413 : undefined);
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    return reject('invalid_input', 'the body is not valid JSON');
  }
}
