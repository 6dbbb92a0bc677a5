/**
 * The kiosk API contract: one typed interface plus the runtime schemas that guard its inputs.
 * Both transports (Electron IPC, loopback HTTP) validate with these schemas before the core sees
 * anything, and the renderer's client is typed by the same interface.
 */
import * as v from 'valibot';
import type { ContentPack } from '../content/schema.js';
import { FeedbackSubmissionSchema } from '../feedback/schema.js';
import { localeTag, type LocaleOption, type UiStrings } from '../locale.js';
import type { ApiMethod } from './methods.js';
import {
  staffInputSchemas,
  type Dashboard,
  type PreparedExport,
  type Settings,
  type StaffSetup,
  type StaffStatus,
  type SyncNowResult,
  type SyncStatus,
  type UnlockResult,
} from './staff.js';

const noInput = v.strictObject({});

export const inputSchemas = {
  getBootstrap: noInput,
  getLocale: v.strictObject({ locale: localeTag }),
  submitFeedback: FeedbackSubmissionSchema,
  ...staffInputSchemas,
} satisfies Record<ApiMethod, v.GenericSchema>;

/** What a caller sends (optional fields may be left out). */
export type ApiRequest<M extends ApiMethod> = v.InferInput<(typeof inputSchemas)[M]>;
/** What the core receives: the request after validation, defaults filled in. */
export type ApiInput<M extends ApiMethod> = v.InferOutput<(typeof inputSchemas)[M]>;

/** One language's content pack and the UI words that differ from the built-in English. */
export interface LocaleBundle {
  content: ContentPack;
  /** Keys left out show in English; empty for English itself. */
  strings: UiStrings;
}

/** Everything the patient UI needs to draw its first screen, in the default language. */
export interface Bootstrap extends LocaleBundle {
  clinic: { name: string; accentColor: string; logoDataUrl: string | null };
  /** The languages on the switch, the default (this bundle's) among them, each named in itself. */
  locales: LocaleOption[];
  /** How a patient's session ends when they walk away: the config file's values, or what an admin saved. */
  session: { idleTimeoutSeconds: number; idleWarningSeconds: number; keepPartialFeedback: boolean };
}

/** The core's answer once a feedback is committed to disk (and only then). */
export interface FeedbackReceipt {
  id: string;
  /** True when this id was already stored: a retried submit stores one row. */
  duplicate: boolean;
}

/** What the core implements and what the renderer's client offers. */
export interface KioskApi {
  getBootstrap(input: ApiInput<'getBootstrap'>): Promise<Bootstrap>;
  /** A language from `Bootstrap.locales`; `invalid_input` for one the kiosk does not offer. */
  getLocale(input: ApiInput<'getLocale'>): Promise<LocaleBundle>;
  /**
   * Fails with `invalid_input` when `locale` is not a language the kiosk offers, and with
   * `unavailable` when the disk or database cannot take it; nothing is half-written.
   */
  submitFeedback(input: ApiInput<'submitFeedback'>): Promise<FeedbackReceipt>;

  // Staff and admin (see staff.ts). Wrong or expired sessions fail with `unauthorized`.
  getStaffSetup(input: ApiInput<'getStaffSetup'>): Promise<StaffSetup>;
  setupPins(input: ApiInput<'setupPins'>): Promise<{ done: true }>;
  unlockStaff(input: ApiInput<'unlockStaff'>): Promise<UnlockResult>;
  lockStaff(input: ApiInput<'lockStaff'>): Promise<{ done: true }>;
  getStaffStatus(input: ApiInput<'getStaffStatus'>): Promise<StaffStatus>;
  /** Admin only, as are all below. */
  getDashboard(input: ApiInput<'getDashboard'>): Promise<Dashboard>;
  getSettings(input: ApiInput<'getSettings'>): Promise<Settings>;
  updateSettings(input: ApiInput<'updateSettings'>): Promise<Settings>;
  runRetention(input: ApiInput<'runRetention'>): Promise<{ deleted: number }>;
  prepareExport(input: ApiInput<'prepareExport'>): Promise<PreparedExport>;
  quitKiosk(input: ApiInput<'quitKiosk'>): Promise<{ done: true }>;
  getSyncStatus(input: ApiInput<'getSyncStatus'>): Promise<SyncStatus>;
  /** One sync pass now; answers when it has finished. */
  syncNow(input: ApiInput<'syncNow'>): Promise<SyncNowResult>;
  setSyncToken(input: ApiInput<'setSyncToken'>): Promise<{ done: true }>;
}

export type ApiOutput<M extends ApiMethod> = Awaited<ReturnType<KioskApi[M]>>;

/** The API as a caller sees it: the renderer, and tests that speak to a transport. */
export type KioskClient = { [M in ApiMethod]: (input: ApiRequest<M>) => Promise<ApiOutput<M>> };
