/**
 * What each IPC call goes through, apart from Electron itself so it can be tested under plain Node:
 * the sender must be our kiosk window showing our own page; then the shared dispatcher validates
 * the input against the contract exactly as the HTTP transport does.
 */
import type { KioskApi } from '../common/api/contract.js';
import { dispatch } from '../common/api/dispatch.js';
import { apiFailure, type ApiResult } from '../common/api/errors.js';
import type { ApiMethod } from '../common/api/methods.js';
import type { Logger } from '../node-core/log/logger.js';

export const APP_ORIGIN = 'app://kiosk';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface IpcSender {
  sender: unknown;
  senderFrame: { url: string } | null;
}

export function createIpcHandler(api: KioskApi, method: ApiMethod, isKioskWindow: (sender: unknown) => boolean, logger: Logger) {
  return async (event: IpcSender, input: unknown): Promise<ApiResult<unknown>> => {
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isKioskWindow(event.sender) || !senderUrl.startsWith(`${APP_ORIGIN}/`)) {
      logger.warn({ method, senderUrl }, 'IPC call from an unexpected sender refused');
      return apiFailure('unauthorized', 'this window may not call the kiosk API');
    }
    return dispatch(api, method, input, {
      onInternalError: (name, error) => logger.error({ err: error, method: name }, 'API call failed'),
    });
  };
}
