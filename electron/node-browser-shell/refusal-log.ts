/**
 * Refused requests (API calls, download links), logged in bounded form: anyone on the machine can send them, so neither
 * their size nor their number may decide how much the log grows. The method name is cut short and
 * each kind of refusal (error code, and the method when it is a real one) gets a few lines a
 * minute; the rest are counted and summed up in one line when the next minute starts.
 */
import type { ApiErrorBody } from '../common/api/errors.js';
import { isApiMethod } from '../common/api/dispatch.js';
import type { Logger } from '../node-core/log/logger.js';

export const REFUSALS_LOGGED_PER_MINUTE = 10;
/** Longer than any real method name; longer ones are cut here. */
const MAX_LOGGED_CHARS = 64;
const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  logged: number;
  suppressed: number;
}

export class RefusalLog {
  // Keyed by error code and a known method name (or "other"): a few dozen keys at most.
  readonly #windows = new Map<string, Window>();

  constructor(
    private readonly logger: Pick<Logger, 'warn'>,
    private readonly now: () => number = Date.now,
  ) {}

  record(method: string | null, error: ApiErrorBody): void {
    const known = method !== null && isApiMethod(method);
    const summary = { code: error.code, method: known ? method : undefined };
    this.#warn(`${error.code} ${known ? method : 'other'}`, summary, 'more API calls refused like this were not logged', () => [
      { method: cut(method ?? '(undecodable)'), code: error.code, message: cut(error.message, 200), field: error.field && cut(error.field) },
      'API call refused',
    ]);
  }

  /** A refused request that is not an API call (a download link): one allowance per `kind`, a fixed set. */
  recordOther(kind: string, fields: Record<string, unknown>, message: string): void {
    this.#warn(`other ${kind}`, { kind }, 'more requests refused like this were not logged', () => [fields, message]);
  }

  #warn(key: string, summary: Record<string, unknown>, summaryMessage: string, line: () => [Record<string, unknown>, string]): void {
    const at = this.now();
    let window = this.#windows.get(key);
    if (!window || at - window.startedAt >= WINDOW_MS) {
      if (window && window.suppressed > 0) this.logger.warn({ ...summary, suppressed: window.suppressed }, summaryMessage);
      window = { startedAt: at, logged: 0, suppressed: 0 };
      this.#windows.set(key, window);
    }
    if (window.logged >= REFUSALS_LOGGED_PER_MINUTE) {
      window.suppressed++;
      return;
    }
    window.logged++;
    this.logger.warn(...line());
  }
}

function cut(text: string, max = MAX_LOGGED_CHARS): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}
