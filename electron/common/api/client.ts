/**
 * Builds a typed KioskClient from a transport function. The renderer uses it over IPC or HTTP;
 * tests use it over HTTP. A failed call throws ApiError with the server's code and message.
 */
import type { KioskClient } from './contract.js';
import { ApiError, type ApiResult } from './errors.js';
import { API_METHODS, type ApiMethod } from './methods.js';

export type ApiTransport = (method: ApiMethod, input: unknown) => Promise<ApiResult<unknown>>;

export function createApiClient(transport: ApiTransport): KioskClient {
  const client: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) {
    client[method] = async (input) => {
      const result = await transport(method, input ?? {});
      if (!result.ok) throw new ApiError(result.error.code, result.error.message, result.error.field);
      return result.value;
    };
  }
  return client as unknown as KioskClient;
}
