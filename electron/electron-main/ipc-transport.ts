/** The Electron shell's API transport: one ipcMain handler per API method (see ipc-handler.ts). */
import { ipcMain, type WebContents } from 'electron';
import type { KioskApi } from '../common/api/contract.js';
import { API_METHODS, ipcChannel } from '../common/api/methods.js';
import type { Logger } from '../node/log/logger.js';
import { createIpcHandler } from './ipc-handler.js';

export function registerIpcTransport(api: KioskApi, kioskContents: () => WebContents | undefined, logger: Logger): void {
  for (const method of API_METHODS) {
    ipcMain.handle(
      ipcChannel(method),
      createIpcHandler(api, method, (sender) => sender === kioskContents(), logger),
    );
  }
}
