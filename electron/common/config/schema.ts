/**
 * Kiosk configuration: what a clinic sets without touching code.
 * Every field has an embedded default, so an empty or missing config file runs the kiosk.
 */
import * as v from 'valibot';
import { IDLE_TIMEOUT_SECONDS, IDLE_WARNING_SECONDS } from '../rules.js';

export const DEFAULT_CLINIC_NAME = 'Isha Health';

const hexColour = v.pipe(v.string(), v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#2f6f73"'));

// Fields an admin may also change at the kiosk (api/staff.ts): one rule each, for both places.
export const kioskIdSchema = v.pipe(v.string(), v.regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'must be letters, digits, "-" or "_"'));
export const idleTimeoutSecondsSchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(IDLE_TIMEOUT_SECONDS.min, `must be at least ${IDLE_TIMEOUT_SECONDS.min} seconds`),
  v.maxValue(IDLE_TIMEOUT_SECONDS.max, `must be at most ${IDLE_TIMEOUT_SECONDS.max} seconds`),
);

export const KioskConfigSchema = v.strictObject({
  /** Names this kiosk in exports and sync; never identifies a patient. */
  kioskId: v.optional(kioskIdSchema, 'kiosk-1'),
  clinic: v.optional(
    v.strictObject({
      name: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(80)), DEFAULT_CLINIC_NAME),
      /** One accent colour; the rest of the palette is fixed, warm and neutral. */
      accentColor: v.optional(hexColour, '#2f6f73'),
      /** A PNG, JPEG or SVG file, relative to the config file. Without it the kiosk shows the clinic's initials. */
      logoFile: v.optional(v.pipe(v.string(), v.nonEmpty())),
    }),
    {},
  ),
  /** Seconds without a touch before "Are you still there?" appears; an admin may change it at the kiosk. */
  idleTimeoutSeconds: v.optional(idleTimeoutSecondsSchema, IDLE_TIMEOUT_SECONDS.default),
  /** Seconds the "Are you still there?" countdown runs before the kiosk starts over. */
  idleWarningSeconds: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(IDLE_WARNING_SECONDS.min), v.maxValue(IDLE_WARNING_SECONDS.max)),
    IDLE_WARNING_SECONDS.default,
  ),
  /** Keep an unfinished feedback, marked partial, when a session ends early. Off: it is discarded. Also an admin setting. */
  keepPartialFeedback: v.optional(v.boolean(), false),
  /**
   * Disk space, in MiB, the feedback database leaves free for the system, the log and exports. A
   * save that would eat into it fails as "could not be saved", while the content keeps showing.
   */
  diskHeadroomMegabytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(102_400)), 100),
  /** The Electron shell restarts itself every day at this local hour (0–23), when set: a quiet hour, e.g. 3. */
  dailyRestartHour: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(23))),
  /** A content pack file to use instead of the bundled one, relative to the config file. */
  contentFile: v.optional(v.pipe(v.string(), v.nonEmpty())),
});

export type KioskConfig = v.InferOutput<typeof KioskConfigSchema>;
