/**
 * The staff and admin half of the API contract: PINs, the status screen, settings, the dashboard,
 * export, retention. Every call but the PIN ones carries the staff session token that `unlockStaff`
 * hands out; the core checks its role (staff or admin) before doing anything.
 */
import * as v from 'valibot';
import { idleTimeoutSecondsSchema, kioskIdSchema } from '../config/schema.js';
import { LOCAL_DATE_RULE, parseLocalDate } from '../dates.js';
import { PIN_DIGITS_TEXT, PIN_PATTERN, RETENTION_DAYS } from '../rules.js';
import { endpointIsAllowed, SYNC_ENDPOINT_MESSAGE, SYNC_TOKEN_MESSAGE, SYNC_TOKEN_PATTERN } from '../sync/protocol.js';

const pin = v.pipe(v.string('must be a string of digits'), v.regex(PIN_PATTERN, `must be ${PIN_DIGITS_TEXT}`));
/** An opaque token from unlockStaff; random, short-lived, held only in memory. */
const staffSession = v.pipe(v.string('must be a string'), v.minLength(16, 'is not a staff session'), v.maxLength(128, 'is not a staff session'));
/** A local calendar day; the export's `since` counts from its start, `until` includes it whole. */
export const LocalDateSchema = v.pipe(
  v.string(),
  v.check((text) => parseLocalDate(text) !== null, LOCAL_DATE_RULE),
);

/** An export's date range: either end may be open, and `until` may not come before `since`. */
const rangeInOrder = (range: { since?: string; until?: string }) => !range.since || !range.until || range.since <= range.until;
const RANGE_ORDER_MESSAGE = 'must not be before the start date';
export const ExportRangeSchema = v.pipe(
  v.object({ since: v.optional(LocalDateSchema), until: v.optional(LocalDateSchema) }),
  v.forward(v.check(rangeInOrder, RANGE_ORDER_MESSAGE), ['until']),
);

export const STAFF_ROLES = ['staff', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const EXPORT_FORMATS = ['csv', 'json', 'ndjson'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Settings an admin may change at the kiosk. They override the config file's values. */
export const SettingsSchema = v.strictObject({
  kioskId: kioskIdSchema,
  idleTimeoutSeconds: idleTimeoutSecondsSchema,
  /** The collector's address; null while sync is not set up. HTTPS unless it is this computer. */
  syncEndpoint: v.nullable(v.pipe(v.string(), v.url('must be a URL'), v.maxLength(500), v.check(endpointIsAllowed, SYNC_ENDPOINT_MESSAGE))),
  /** Delete feedback older than this many days once synced or exported; null keeps everything. */
  retentionDays: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(RETENTION_DAYS.min), v.maxValue(RETENTION_DAYS.max))),
  /** Keep a patient's unfinished feedback (marked partial) when the session ends early. */
  keepPartialFeedback: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const staffInputSchemas = {
  getStaffSetup: v.strictObject({}),
  /** First run only: refused once any PIN is set. */
  setupPins: v.pipe(
    v.strictObject({ staffPin: pin, adminPin: pin }),
    v.forward(
      v.check((input) => input.staffPin !== input.adminPin, 'must differ from the staff PIN'),
      ['adminPin'],
    ),
  ),
  unlockStaff: v.strictObject({ pin }),
  lockStaff: v.strictObject({ session: staffSession }),
  getStaffStatus: v.strictObject({ session: staffSession }),
  getDashboard: v.strictObject({ session: staffSession }),
  getSettings: v.strictObject({ session: staffSession }),
  updateSettings: v.strictObject({ session: staffSession, settings: SettingsSchema }),
  runRetention: v.strictObject({ session: staffSession }),
  prepareExport: v.pipe(
    v.strictObject({
      session: staffSession,
      format: v.picklist(EXPORT_FORMATS),
      since: v.optional(LocalDateSchema),
      until: v.optional(LocalDateSchema),
      onlyUnexported: v.optional(v.boolean(), false),
      /** Round times down to the hour; on when left out (COARSEN_EXPORTS_BY_DEFAULT), in every format. */
      coarsenToHour: v.optional(v.boolean()),
      /** `download`: the browser shell serves the files; `folder`: the Electron shell asks where to save. */
      destination: v.picklist(['download', 'folder']),
    }),
    v.forward(
      v.check((input) => rangeInOrder(input), RANGE_ORDER_MESSAGE),
      ['until'],
    ),
  ),
  quitKiosk: v.strictObject({ session: staffSession }),
  getSyncStatus: v.strictObject({ session: staffSession }),
  syncNow: v.strictObject({ session: staffSession }),
  /** The collector's bearer token: write-only, never read back. */
  setSyncToken: v.strictObject({
    session: staffSession,
    token: v.pipe(v.string('must be text'), v.regex(SYNC_TOKEN_PATTERN, SYNC_TOKEN_MESSAGE)),
  }),
};

/**
 * `wrong-pin` while tries are left; the failure that uses the last one already answers `locked`.
 * While locked, every try is refused as `locked`, even with the right PIN.
 */
export type UnlockResult =
  { outcome: 'unlocked'; role: StaffRole; session: string } | { outcome: 'wrong-pin'; attemptsLeft: number } | { outcome: 'locked'; retryAfterSeconds: number };

/** What the panel opens on. Asked again every few seconds while the PIN pad is locked. */
export interface StaffSetup {
  /** Both PINs set: the PIN pad. */
  pinsConfigured: boolean;
  /** No PINs, and none ever: the first-run setup. False with no PINs: only `clinic-kiosk set-pin` can set them. */
  setupAllowed: boolean;
  /** Seconds the PIN pad stays locked; 0 once the lock ran out or the operator lifted it. */
  lockedForSeconds: number;
}

export interface StaffIncident {
  at: string;
  kind: string;
  message: string;
}

export interface StaffStatus {
  role: StaffRole;
  kioskId: string;
  feedbackToday: number;
  feedbackTotal: number;
  unsynced: number;
  /** UTC ISO time of the last successful sync, or null: never synced. */
  lastSyncAt: string | null;
  content: { id: string; version: string; locale: string };
  /** Newest first. */
  incidents: StaffIncident[];
}

export interface Dashboard {
  /** The last 30 days, oldest first, with zero-count days included. Local dates, YYYY-MM-DD. */
  perDay: { date: string; count: number }[];
  /** Count of answers 1–5 (index 0 is 1), and how many skipped. */
  helpfulness: { counts: number[]; skipped: number };
  /** Per topic id: yes and no answers. */
  topics: { topicId: string; title: string; yes: number; no: number }[];
  worry: {
    before: { counts: number[]; mean: number | null };
    after: { counts: number[]; mean: number | null };
    /** Only feedback with both answers: the clinic's main outcome figure. */
    paired: { n: number; meanChange: number | null };
  };
  answeredQuestions: { yes: number; partly: number; no: number; skipped: number };
  /** Newest first, at most 20; plain text, never HTML. */
  latestComments: { createdAt: string; comment: string }[];
}

/** The files an export wrote: the data file and its manifest beside it. */
export interface ExportedFiles {
  fileName: string;
  manifestFileName: string;
  rows: number;
  sha256: string;
}

/** What `prepareExport` did: each outcome carries only what it has. */
export type PreparedExport =
  /** Electron: written to the folder the admin chose. */
  | ({ outcome: 'saved'; folder: string } & ExportedFiles)
  /** Browser shell: staged, with one-time links (same origin) to the file and its manifest. */
  | ({ outcome: 'download'; downloadUrl: string; manifestUrl: string } & ExportedFiles)
  /** The admin closed the folder dialog: nothing was written. */
  | { outcome: 'cancelled' };

export interface SyncStatus {
  /** The collector's address, or null: sync is off. */
  endpoint: string | null;
  tokenSet: boolean;
  /** UTC ISO time of the last pass that the collector acknowledged rows in (or found nothing to send). */
  lastSyncAt: string | null;
  lastError: { at: string; message: string } | null;
  /** Waiting to be sent. */
  pending: number;
  /** Refused by the collector for good and set aside; staff have an incident about them. */
  quarantined: number;
  /** When the background sync tries next, or null when it is not scheduled. */
  nextAttemptAt: string | null;
}

export interface SyncNowResult {
  outcome: 'done' | 'not-configured' | 'retry';
  sent: number;
  acknowledged: number;
  quarantined: number;
  message: string | null;
  status: SyncStatus;
}
