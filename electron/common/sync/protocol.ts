/**
 * The sync protocol between a kiosk and the clinic's collector: the one definition both sides use.
 * docs/sync-protocol.md explains it; docs/sync/*.schema.json are generated from these schemas
 * (`node scripts/sync-schemas.mjs`), and a test checks that they are current.
 *
 * Pure TypeScript (valibot only): no Node, no DOM.
 */
import * as v from 'valibot';
import { kioskIdSchema } from '../config/schema.js';
import { MAX_COMMENT_LENGTH } from '../feedback/constants.js';
import { commentText, FeedbackSubmissionSchema, objectIssueMessage } from '../feedback/schema.js';

/** Bumped on any change a collector of the previous version would misread. */
export const SYNC_PROTOCOL_VERSION = 1;
/** Where, under the collector's address (the kiosk's "sync endpoint"), batches are posted. */
export const SYNC_BATCH_PATH = 'v1/batches';
export const MAX_BATCH_ROWS = 500;
/** The largest possible batch (500 rows, 1,000-character comments, 32 topics each) is under 3 MiB. */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024;
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
/** A bearer token: printable ASCII without spaces, long enough not to be guessed (`openssl rand -hex 32`). */
export const SYNC_TOKEN_PATTERN = /^[\x21-\x7e]{32,256}$/;
export const SYNC_TOKEN_MESSAGE = 'must be 32 to 256 characters without spaces (e.g. from `openssl rand -hex 32`)';
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

const { partial: _partial, comment: _comment, ...submitted } = FeedbackSubmissionSchema.entries;

/** One feedback row as the kiosk stored it: the submission's fields plus what the kiosk added. */
export const SyncRowSchema = v.strictObject(
  {
    ...submitted,
    /** Already scrubbed at the kiosk; "[removed]" may make it longer than the patient's 500 characters. */
    comment: commentText(2 * MAX_COMMENT_LENGTH),
    partial: v.boolean('must be true or false'),
    kioskId: kioskIdSchema,
    /** UTC, with milliseconds, as the kiosk stores it. */
    createdAt: v.pipe(
      v.string('must be a string'),
      v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'must be a UTC time like 2026-11-29T09:30:00.000Z'),
      v.check((text) => !Number.isNaN(Date.parse(text)), 'must be a real time'),
    ),
  },
  objectIssueMessage,
);
export type SyncRow = v.InferOutput<typeof SyncRowSchema>;

/** POST <endpoint>/v1/batches, with `Authorization: Bearer <token>` and an `Idempotency-Key`. */
export const SyncBatchRequestSchema = v.strictObject(
  {
    protocolVersion: v.literal(SYNC_PROTOCOL_VERSION, `must be ${SYNC_PROTOCOL_VERSION}`),
    rows: v.pipe(
      v.array(SyncRowSchema, 'must be a list of rows'),
      v.minLength(1, 'must hold at least one row'),
      v.maxLength(MAX_BATCH_ROWS, `must hold at most ${MAX_BATCH_ROWS} rows`),
    ),
  },
  objectIssueMessage,
);
/** @public The protocol's own name for it, for collectors written elsewhere. */
export type SyncBatchRequest = v.InferOutput<typeof SyncBatchRequestSchema>;

/** 200: the ids of this batch the collector holds, those it had already included. */
export const SyncBatchResponseSchema = v.object({
  protocolVersion: v.literal(SYNC_PROTOCOL_VERSION),
  acknowledged: v.array(v.string()),
});
export type SyncBatchResponse = v.InferOutput<typeof SyncBatchResponseSchema>;

export const SYNC_ERROR_CODES = [
  'invalid_request',
  'unsupported_version',
  'unauthorized',
  'forbidden_kiosk',
  'too_large',
  'idempotency_conflict',
  'unavailable',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

/** Every non-200 answer from the collector. */
export const SyncErrorResponseSchema = v.object({
  error: v.object({
    code: v.picklist(SYNC_ERROR_CODES),
    message: v.string(),
    /** The field at fault for `invalid_request`, e.g. `rows.3.worryBefore`. */
    field: v.optional(v.string()),
  }),
});
/** @public The protocol's own name for it, for collectors written elsewhere. */
export type SyncErrorResponse = v.InferOutput<typeof SyncErrorResponseSchema>;

/** The HTTP status of each error code. */
export const SYNC_ERROR_STATUS: Record<SyncErrorCode, number> = {
  invalid_request: 400,
  unsupported_version: 400,
  unauthorized: 401,
  forbidden_kiosk: 403,
  too_large: 413,
  idempotency_conflict: 422,
  unavailable: 503,
};

/**
 * What the kiosk does with an answer's status: 200 marks the listed ids synced; 408, 429 and any
 * 5xx (and no answer at all) are retried later; any other 4xx quarantines the batch.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** The collector's address for batches, from the kiosk's sync endpoint setting. */
export function batchUrl(endpoint: string): URL {
  return new URL(SYNC_BATCH_PATH, endpoint.endsWith('/') ? endpoint : `${endpoint}/`);
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** HTTPS everywhere but on this machine, where plain http cannot leave it. */
export function endpointIsAllowed(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || (url.protocol === 'http:' && (LOOPBACK_HOSTS.has(url.hostname) || /^127\./.test(url.hostname)));
  } catch {
    return false;
  }
}

export const SYNC_ENDPOINT_MESSAGE = 'must start with https:// (plain http:// only for this computer: 127.0.0.1 or localhost)';
