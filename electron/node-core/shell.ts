/**
 * What the shell around the core can do for it. The core stays free of Electron and HTTP; each
 * shell passes its own answers to startKioskCore.
 */
export interface ShellCapabilities {
  /**
   * Asks the admin where to save an export (Electron: a folder dialog, removable drives included);
   * null when they cancel. Absent where the shell cannot ask (the browser shell).
   */
  chooseExportFolder?(): Promise<string | null>;
  /** True when the shell serves the core's one-time `/downloads/…` links (the browser shell). */
  servesDownloads: boolean;
  /** Ends the kiosk. The core calls it only after the quitKiosk answer has gone to the transport. */
  quit(): void;
}
