/**
 * The API's method names, kept apart from the schemas so the sandboxed preload
 * and the renderer can list them without bundling the validation library.
 */
export const API_METHODS = [
  'getBootstrap',
  'getLocale',
  'submitFeedback',
  'getStaffSetup',
  'setupPins',
  'unlockStaff',
  'lockStaff',
  'getStaffStatus',
  'getDashboard',
  'getSettings',
  'updateSettings',
  'runRetention',
  'prepareExport',
  'quitKiosk',
  'getSyncStatus',
  'syncNow',
  'setSyncToken',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];

/** The IPC channel that carries one method in the Electron shell. */
export const ipcChannel = (method: ApiMethod): string => `kiosk:${method}`;

/** The HTTP path that carries one method in the browser shell. */
export const httpPath = (method: ApiMethod): string => `/api/${method}`;
