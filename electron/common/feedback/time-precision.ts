/**
 * How exactly a feedback's time is kept, in one place. The exact second of a visit could be matched
 * with the day's appointment list; the minute is plenty for "per day" figures (sync orders by
 * `seq`, not by time). Exports go further, to the hour, in every format unless an admin unticks it.
 */

/** Exports round times down to the hour unless asked not to (CLI, admin panel and API alike). */
export const COARSEN_EXPORTS_BY_DEFAULT = true;

/** The time as stored: UTC ISO 8601, rounded down to the minute, e.g. `2026-11-29T14:37:00.000Z`. */
export function toStoredTime(date: Date): string {
  return `${date.toISOString().slice(0, 16)}:00.000Z`;
}

/** coarsenToHour's rule, which the CSV export applies in SQL too: the first 13 characters, then the suffix. */
export const HOUR_PREFIX_LENGTH = 13;
export const HOUR_SUFFIX = ':00:00.000Z';

/** `2026-11-29T14:37:00.000Z` → `2026-11-29T14:00:00.000Z`: a visit's hour, not its minute. */
export function coarsenToHour(iso: string): string {
  return `${iso.slice(0, HOUR_PREFIX_LENGTH)}${HOUR_SUFFIX}`;
}
