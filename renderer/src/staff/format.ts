/** Dates and times for staff, in the panel's language (English) and the machine's time zone. */
import { STAFF_LOCALE } from './i18n';

// Built once: an Intl formatter is costly to make, and the panel's language is fixed.
const dateTime = new Intl.DateTimeFormat(STAFF_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const dayMonth = new Intl.DateTimeFormat(STAFF_LOCALE, { day: 'numeric', month: 'short' });
const decimal = (signDisplay: 'exceptZero' | 'auto') =>
  new Intl.NumberFormat(STAFF_LOCALE, { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay });
const decimals = { signed: decimal('exceptZero'), plain: decimal('auto') };

/** `2026-11-29T14:05:00Z` → "29 Nov 2026, 14:05" (in English). */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso));
}

/** A local calendar day, `2026-11-29` → "29 Nov". */
export function formatDay(localDate: string): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  return dayMonth.format(new Date(year, month - 1, day));
}

/** One decimal place, in the panel's language. */
export function formatDecimal(value: number, signed = false): string {
  return (signed ? decimals.signed : decimals.plain).format(value);
}
