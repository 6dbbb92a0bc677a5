/**
 * Builds a typed KioskClient from a transport function. The renderer uses it over IPC or HTTP;
 * tests use it over HTTP. A failed call throws ApiError with the server's code and message.
 *
 * Every call has a deadline: a kiosk core stuck on a failing disk must not leave the patient
 * watching "Saving…" forever. Past it the call fails as `unavailable`, which the UI already
 * turns into its calm message (and the patient may try again).
 */
import type { KioskClient } from './contract.js';
import { ApiError, type ApiResult } from './errors.js';
import { API_METHODS, type ApiMethod } from './methods.js';

export type ApiTransport = (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>;

/** The patient's calls are small; staff calls may build an export of many thousand rows. */
const PATIENT_METHODS: readonly ApiMethod[] = ['getBootstrap', 'submitFeedback'];
export const PATIENT_CALL_TIMEOUT_MS = 15_000;
export const STAFF_CALL_TIMEOUT_MS = 120_000;

export const callTimeoutMs = (method: ApiMethod): number => (PATIENT_METHODS.includes(method) ? PATIENT_CALL_TIMEOUT_MS : STAFF_CALL_TIMEOUT_MS);

export function createApiClient(transport: ApiTransport): KioskClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (input) => {
      const result = await withDeadline(transport(method, input ?? {}), callTimeoutMs(method));
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.field);
      return result.value;
    };
  }
  return client as unknown as KioskClient;
}

function withDeadline(call: Promise<ApiResult<unknown>>, ms: number): Promise<ApiResult<unknown>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ApiResult<unknown>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: { code: 'unavailable', message: `the kiosk service did not answer within ${ms / 1000} s` } }), ms);
  });
  return Promise.race([call, late]).finally(() => clearTimeout(timer));
}
