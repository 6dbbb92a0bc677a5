/**
 * Each input rule, written once: the schemas (config, content, feedback, the staff API), the UI
 * (PIN pad, settings fields) and the CLI all read it from here. Plain values, no schema library,
 * so the renderer can import them without carrying valibot.
 */

/** Staff and admin PINs: digits only. */
export const PIN_DIGITS = { min: 4, max: 8 } as const;
export const PIN_PATTERN = new RegExp(`^\\d{${PIN_DIGITS.min},${PIN_DIGITS.max}}$`);
/** "4 to 8 digits", for messages and help text. */
export const PIN_DIGITS_TEXT = `${PIN_DIGITS.min} to ${PIN_DIGITS.max} digits`;

/** Seconds without a touch before "Are you still there?": under 5 s would interrupt a patient mid-sentence. */
export const IDLE_TIMEOUT_SECONDS = { min: 5, max: 3600, default: 90 } as const;
/** Seconds the "Are you still there?" countdown runs. */
export const IDLE_WARNING_SECONDS = { min: 5, max: 120, default: 20 } as const;
/** "Delete feedback older than N days": at least a day, at most ten years. */
export const RETENTION_DAYS = { min: 1, max: 3650 } as const;

/** Topic and section ids: lowercase words joined by "-", like "safety-protocol". */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A content or UI language: "en" or "es-MX". */
export const LOCALE_PATTERN = /^[a-z]{2}(?:-[A-Z]{2})?$/;
export const LOCALE_MESSAGE = 'must be a language tag like "en" or "es-MX"';
/** A content pack's version: three numbers, like 1.0.0. */
export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
export const VERSION_MESSAGE = 'must look like 1.0.0';
