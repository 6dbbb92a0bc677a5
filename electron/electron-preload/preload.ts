/**
 * The sandboxed preload: exposes exactly one function per API method as `window.kioskApi`, each a
 * plain ipcRenderer.invoke on that method's channel. No Node or Electron object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, ipcChannel } from '../common/api/methods.js';

const kioskApi = Object.fromEntries(API_METHODS.map((method) => [method, (input: unknown) => ipcRenderer.invoke(ipcChannel(method), input)]));

contextBridge.exposeInMainWorld('kioskApi', kioskApi);
