/**
 * Removes contact details and identifying numbers from a free-text comment before it is stored.
 * Pure and shared: the core scrubs before every write, and the renderer may preview the result.
 *
 * Errs on the side of removing: a patient's "2019-2024" loses its digits, but a phone number,
 * a date of birth written with dashes, or a medical record number never reaches the database.
 */

export const REMOVED = '[removed]';

/** Digits in a run this long are removed, whatever separates them. */
export const MIN_DIGITS_REMOVED = 6;

// Unicode letters and digits too, so an address with "é" or fullwidth digits is still caught.
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;

/**
 * A digit followed by more digits, each joined by at most three separators of the kinds phone
 * numbers use: spaces, dashes, dots and parentheses. Every phone number, international
 * ("+44 20 7946 0958") or US-style ("(555) 123-4567"), has at least six digits, so this one rule
 * covers phones and long digit runs alike. A leading "+" or "(" goes with the number.
 */
const DIGIT_RUN = /\+?\(?\p{Nd}(?:[ \t\u00A0.()\-\u2010-\u2015]{0,3}\p{Nd})*\)?/gu;
const DIGIT = /\p{Nd}/gu;

export function scrubComment(text: string): string {
  return text.replace(EMAIL, REMOVED).replace(DIGIT_RUN, (run) => (countDigits(run) >= MIN_DIGITS_REMOVED ? REMOVED : run));
}

function countDigits(run: string): number {
  return run.match(DIGIT)?.length ?? 0;
}
