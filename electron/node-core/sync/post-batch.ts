/**
 * One batch, one request: POST it to the collector with a timeout that covers the whole answer
 * (a trickling server times out too), and sort the answer into what the outbox does next.
 */
import * as v from 'valibot';
import {
  batchUrl,
  IDEMPOTENCY_KEY_HEADER,
  isRetryableStatus,
  SYNC_PROTOCOL_VERSION,
  SyncBatchResponseSchema,
  SyncErrorResponseSchema,
  type SyncRow,
} from '../../common/sync/protocol.js';

export type BatchOutcome =
  /** 200 with a valid answer: these ids (of this batch) are held by the collector. */
  | { kind: 'acknowledged'; ids: string[] }
  /** Try again later: no answer, a timeout, 408, 429 or 5xx. `retryAfterMs` from Retry-After. */
  | { kind: 'retry'; message: string; retryAfterMs: number | null }
  /** Refused for good (any other 4xx): the batch is set aside. */
  | { kind: 'refused'; message: string };

export interface PostBatchOptions {
  endpoint: string;
  token: string;
  idempotencyKey: string;
  timeoutMs: number;
  now: () => Date;
}

export async function postBatch(rows: readonly SyncRow[], options: PostBatchOptions): Promise<BatchOutcome> {
  const signal = AbortSignal.timeout(options.timeoutMs);
  let status: number;
  let headers: Headers;
  let body: unknown;
  try {
    const response = await fetch(batchUrl(options.endpoint), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${options.token}`,
        [IDEMPOTENCY_KEY_HEADER]: options.idempotencyKey,
      },
      body: JSON.stringify({ protocolVersion: SYNC_PROTOCOL_VERSION, rows }),
      signal,
      redirect: 'error',
    });
    status = response.status;
    headers = response.headers;
    body = parseLeniently(await response.text());
  } catch (error) {
    // Refused, reset, timed out, or an answer cut short or not JSON: nothing is known, so retry.
    return { kind: 'retry', message: describeNetworkError(error, options.timeoutMs), retryAfterMs: null };
  }

  if (status === 200) {
    const answer = v.safeParse(SyncBatchResponseSchema, body);
    if (!answer.success) return { kind: 'retry', message: 'the collector answered 200 with an unexpected body', retryAfterMs: null };
    const sent = new Set(rows.map((row) => row.id));
    // Only ids of this batch count: a confused collector cannot mark other rows synced.
    return { kind: 'acknowledged', ids: answer.output.acknowledged.map((id) => id.toLowerCase()).filter((id) => sent.has(id)) };
  }
  const error = v.safeParse(SyncErrorResponseSchema, body);
  const message = `the collector answered ${status}${error.success ? `: ${error.output.error.message}` : ''}`;
  if (isRetryableStatus(status)) return { kind: 'retry', message, retryAfterMs: parseRetryAfter(headers.get('retry-after'), options.now()) };
  return { kind: 'refused', message };
}

/** JSON, or undefined: a proxy's 429 or 503 page is often HTML, and its status still counts. */
function parseLeniently(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const name = (error as Error).name;
  if (name === 'TimeoutError' || name === 'AbortError') return `the collector did not answer within ${Math.round(timeoutMs / 1000)} s`;
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return `the collector could not be reached${cause ? ` (${cause})` : ''}`;
}
