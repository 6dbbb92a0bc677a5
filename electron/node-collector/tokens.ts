/**
 * The collector's tokens: one per kiosk, each bound to its kiosk id, and one for the managers'
 * report. Read from a JSON file or an environment variable, never from the command line (where
 * any local user could read it in the process list). Compared in constant time.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as v from 'valibot';
import { kioskIdSchema } from '../common/config/schema.js';
import { SYNC_TOKEN_MESSAGE, SYNC_TOKEN_PATTERN } from '../common/sync/protocol.js';
import { describeFieldError, firstFieldError } from '../common/validation.js';

const token = v.pipe(v.string(), v.regex(SYNC_TOKEN_PATTERN, SYNC_TOKEN_MESSAGE));

export const CollectorTokensSchema = v.pipe(
  v.strictObject({
    kiosks: v.pipe(v.array(v.strictObject({ kioskId: kioskIdSchema, token })), v.minLength(1, 'must list at least one kiosk')),
    reportToken: token,
  }),
  v.check((tokens) => new Set([...tokens.kiosks.map((k) => k.token), tokens.reportToken]).size === tokens.kiosks.length + 1, 'every token must be different'),
);
export type CollectorTokens = v.InferOutput<typeof CollectorTokensSchema>;

/** Where the tokens come from: COLLECTOR_TOKENS (the JSON itself) or a file (--tokens-file / COLLECTOR_TOKENS_FILE). */
export function loadTokens(file: string | undefined, env: NodeJS.ProcessEnv): CollectorTokens {
  // An empty variable counts as unset, as shells make it easy to export one by mistake.
  const path = file || env.COLLECTOR_TOKENS_FILE || undefined;
  const source = path ? `tokens file ${path}` : 'COLLECTOR_TOKENS';
  const text = path ? readFileSync(path, 'utf8') : env.COLLECTOR_TOKENS || undefined;
  if (text === undefined) throw new Error('no tokens: give --tokens-file FILE, or set COLLECTOR_TOKENS_FILE or COLLECTOR_TOKENS');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not valid JSON`);
  }
  const parsed = v.safeParse(CollectorTokensSchema, raw);
  if (!parsed.success) throw new Error(`${source}: ${describeFieldError(firstFieldError(parsed.issues))}`);
  return parsed.output;
}

/** Hashing first gives equal-length buffers, so comparing them takes the same time whatever was sent. */
const digest = (text: string) => createHash('sha256').update(text).digest();

export class TokenBook {
  readonly #kiosks: { digest: Buffer; kioskId: string }[];
  readonly #report: Buffer;

  constructor(tokens: CollectorTokens) {
    this.#kiosks = tokens.kiosks.map(({ kioskId, token }) => ({ digest: digest(token), kioskId }));
    this.#report = digest(tokens.reportToken);
  }

  /** The kiosk this token belongs to, or null. Every entry is compared, so timing says nothing. */
  kioskFor(given: string | null): string | null {
    if (given === null) return null;
    const candidate = digest(given);
    let found: string | null = null;
    for (const kiosk of this.#kiosks) if (timingSafeEqual(candidate, kiosk.digest)) found = kiosk.kioskId;
    return found;
  }

  isReportToken(given: string | null): boolean {
    return given !== null && timingSafeEqual(digest(given), this.#report);
  }
}
