/**
 * The kiosk API contract: one typed interface plus the runtime schemas that guard its inputs.
 * Both transports (Electron IPC, loopback HTTP) validate with these schemas before the core sees
 * anything, and the renderer's client is typed by the same interface.
 */
import * as v from 'valibot';
import type { ContentPack } from '../content/schema.js';
import { FeedbackSubmissionSchema } from '../feedback/schema.js';
import type { ApiMethod } from './methods.js';

const noInput = v.strictObject({});

export const inputSchemas = {
  getBootstrap: noInput,
  submitFeedback: FeedbackSubmissionSchema,
} satisfies Record<ApiMethod, v.GenericSchema>;

/** What a caller sends (optional fields may be left out). */
export type ApiRequest<M extends ApiMethod> = v.InferInput<(typeof inputSchemas)[M]>;
/** What the core receives: the request after validation, defaults filled in. */
export type ApiInput<M extends ApiMethod> = v.InferOutput<(typeof inputSchemas)[M]>;

/** Everything the patient UI needs to draw its first screen. */
export interface Bootstrap {
  clinic: { name: string; accentColor: string; logoDataUrl: string | null };
  content: ContentPack;
  /** How a patient's session ends when they walk away. */
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
  /** Fails with `unavailable` when the disk or database cannot take it; nothing is half-written. */
  submitFeedback(input: ApiInput<'submitFeedback'>): Promise<FeedbackReceipt>;
}

export type ApiOutput<M extends ApiMethod> = Awaited<ReturnType<KioskApi[M]>>;

/** The API as a caller sees it: the renderer, and tests that speak to a transport. */
export type KioskClient = { [M in ApiMethod]: (input: ApiRequest<M>) => Promise<ApiOutput<M>> };
