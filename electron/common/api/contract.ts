/**
 * The kiosk API contract: one typed interface plus the runtime schemas that guard its inputs.
 * Both transports (Electron IPC, loopback HTTP) validate with these schemas before the core sees
 * anything, and the renderer's client is typed by the same interface.
 */
import * as v from 'valibot';
import type { ContentPack } from '../content/schema.js';
import type { ApiMethod } from './methods.js';

const noInput = v.strictObject({});

export const inputSchemas = {
  getBootstrap: noInput,
} satisfies Record<ApiMethod, v.GenericSchema>;

export type ApiInput<M extends ApiMethod> = v.InferOutput<(typeof inputSchemas)[M]>;

/** Everything the patient UI needs to draw its first screen. */
export interface Bootstrap {
  clinic: { name: string; accentColor: string; logoDataUrl: string | null };
  content: ContentPack;
}

/** What the core implements and what the renderer's client offers. */
export interface KioskApi {
  getBootstrap(input: ApiInput<'getBootstrap'>): Promise<Bootstrap>;
}

export type ApiOutput<M extends ApiMethod> = Awaited<ReturnType<KioskApi[M]>>;
