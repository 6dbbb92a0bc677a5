/** What every measure gets from the runner: the mode, a scratch folder, the running kiosk, Chromium. */
import type { Browser } from 'playwright-core';
import type { KioskServer } from '../../tests/e2e/fixtures.js';

export interface BenchContext {
  /** `--quick`: small counts, about a minute in all. */
  quick: boolean;
  repoRoot: string;
  /** Removed after the run. */
  tmpDir: string;
  /** The built browser shell, started as `clinic-kiosk serve --port 0 --data-dir <tmp>`. */
  kiosk: KioskServer & { pid: number };
  /** Debian's Chromium through playwright-core. */
  browser: Browser;
}
