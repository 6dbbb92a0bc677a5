/**
 * The one place where a transport hands a raw request to the core: look up the method,
 * validate its input against the contract, call it, and wrap the outcome in an ApiResult.
 * Transports stay thin: they only move bytes and map the result to their own wire.
 */
import * as v from 'valibot';
import { describeFieldError, firstFieldError } from '../validation.js';
import { inputSchemas, type KioskApi } from './contract.js';
import { ApiError, apiFailure, INTERNAL_FAILURE, type ApiResult } from './errors.js';
import { API_METHODS, type ApiMethod } from './methods.js';

export function isApiMethod(name: string): name is ApiMethod {
  return (API_METHODS as readonly string[]).includes(name);
}

export interface DispatchHooks {
  /** Called with unexpected errors, so the transport can log the detail the caller never sees. */
  onInternalError(method: string, error: unknown): void;
}

export async function dispatch(api: KioskApi, method: string, rawInput: unknown, hooks: DispatchHooks): Promise<ApiResult<unknown>> {
  if (!isApiMethod(method)) return apiFailure('not_found', `unknown API method "${method}"`);
  const parsed = v.safeParse(inputSchemas[method], rawInput);
  if (!parsed.success) {
    const fieldError = firstFieldError(parsed.issues);
    return apiFailure('invalid_input', describeFieldError(fieldError), fieldError.field);
  }
  try {
    // The schema map and the interface share their keys, so this call is typed per method.
    const value = await (api[method] as (input: unknown) => Promise<unknown>).call(api, parsed.output);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.toBody() };
    hooks.onInternalError(method, error);
    return INTERNAL_FAILURE;
  }
}
