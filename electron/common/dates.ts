/**
 * Local calendar days ("2026-11-29" in the kiosk's own time zone): the clinic's idea of a day.
 * Feedback is stored in UTC, so every "per day" figure and every date filter goes through these,
 * which let JavaScript's Date handle the time zone and daylight saving.
 */

/**
 * The years a date filter may name. Feedback carries 4-digit UTC years that compare as text, so a
 * day past 9999-12-30 would match nothing at all; no kiosk stores feedback from outside these.
 */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2999;
export const LOCAL_DATE_RULE = `must be a date like 2026-11-29, in the years ${FIRST_YEAR} to ${LAST_YEAR}`;

/**
 * Local midnight of a `YYYY-MM-DD` date, or null when there is no such day (e.g. 2026-02-30) or it
 * is outside FIRST_YEAR–LAST_YEAR. The one date rule: the API, the CLI and the export use it.
 */
export function parseLocalDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < FIRST_YEAR || year > LAST_YEAR) return null;
  const date = new Date(year, month - 1, day);
  // Date rolls an impossible day over into the next month; such a date does not exist.
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

export function formatLocalDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Local midnight of the day `days` after the one `date` falls on (negative goes back). */
export function startOfLocalDay(date: Date, days = 0): Date {
  const start = new Date(date);
  start.setHours(0, 0, 0, 0);
  start.setDate(start.getDate() + days);
  return start;
}
