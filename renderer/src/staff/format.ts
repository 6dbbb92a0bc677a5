/** Dates and times for staff, in the panel's language (English) and the machine's time zone. */
import { STAFF_LOCALE } from './i18n';

/** `2026-11-29T14:05:00Z` → "29 Nov 2026, 14:05" (in English). */
export function formatDateTime(iso: string): string {
  return new Intl.DateTimeFormat(STAFF_LOCALE, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A local calendar day, `2026-11-29` → "29 Nov". */
export function formatDay(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(STAFF_LOCALE, { day: 'numeric', month: 'short' }).format(new Date(year, month - 1, day));
}

/** One decimal place, in the panel's language. */
export function formatDecimal(value: number, signed = false): string {
  return new Intl.NumberFormat(STAFF_LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: signed ? 'exceptZero' : 'auto' }).format(value);
}
