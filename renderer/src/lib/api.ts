/**
 * The renderer's API client, typed by the shared contract. In the Electron shell the sandboxed
 * preload provides `window.kioskApi`; in the browser shell calls go over loopback HTTP with the
 * launch token that the shell put in the URL fragment (never sent to the server as part of the URL).
 */
import { callTimeoutMs, createApiClient, type ApiTransport } from '@common/api/client';
import { apiFailure, type ApiResult } from '@common/api/errors';
import { httpPath, type ApiMethod } from '@common/api/methods';

declare global {
  interface Window {
    kioskApi?: Record<ApiMethod, (input: unknown) => Promise<ApiResult<unknown>>>;
  }
}

const unreachable = apiFailure('unavailable', 'the kiosk service did not answer');

function httpTransport(token: string): ApiTransport {
  return async (method, input) => {
    try {
      const response = await fetch(httpPath(method), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
        body: JSON.stringify(input),
        // The client gives up at the same deadline; this also lets go of the connection.
        signal: AbortSignal.timeout(callTimeoutMs(method)),
      });
      return (await response.json()) as ApiResult<unknown>;
    } catch {
      return unreachable;
    }
  };
}

function tokenFromUrl(): string {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
}

// The shells also render the welcome screen in Node (renderer/src/ssr.ts), where this module is
// imported but never called: there is no window, and so no API.
const inBrowser = typeof window !== 'undefined';
const electronApi = inBrowser ? window.kioskApi : undefined;
/** Which shell the page runs in: Electron saves exports to a folder, the browser shell downloads them. */
export const inElectron = electronApi !== undefined;
const token = electronApi || !inBrowser ? '' : tokenFromUrl();
/** False when the browser shell's page was opened without its launch link (no `#token=…`). */
export const hasLaunchKey = electronApi !== undefined || token !== '';
export const api = createApiClient(electronApi ? (method, input) => electronApi[method](input) : httpTransport(token));
