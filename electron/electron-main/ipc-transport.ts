/**
 * The Electron shell's API transport: one ipcMain handler per API method. Each checks that the
 * sender is our own page in our own window, then hands the input to the shared dispatcher, which
 * validates it against the contract exactly as the HTTP transport does.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { KioskApi } from '../common/api/contract.js';
import { dispatch } from '../common/api/dispatch.js';
import type { ApiResult } from '../common/api/errors.js';
import { API_METHODS, ipcChannel } from '../common/api/methods.js';
import type { Logger } from '../node/log/logger.js';
import { APP_ORIGIN } from './app-protocol.js';

export function registerIpcTransport(api: KioskApi, isKioskWindow: (event: IpcMainInvokeEvent) => boolean, logger: Logger): void {
  for (const method of API_METHODS) {
    ipcMain.handle(ipcChannel(method), async (event, input: unknown): Promise<ApiResult<unknown>> => {
      const senderUrl = event.senderFrame?.url ?? '';
      if (!isKioskWindow(event) || !senderUrl.startsWith(`${APP_ORIGIN}/`)) {
        logger.warn({ method, senderUrl }, 'IPC call from an unexpected sender refused');
        return { ok: false, error: { code: 'unauthorized', message: 'this window may not call the kiosk API' } };
      }
      return dispatch(api, method, input, {
        onInternalError: (name, error) => logger.error({ err: error, method: name }, 'API call failed'),
      });
    });
  }
}
