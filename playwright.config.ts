/**
 * End-to-end tests in real Chromium (Debian's /usr/bin/chromium; `npx playwright install` is not
 * used), against the real browser shell started through the CLI (see tests/e2e/fixtures.ts), plus
 * the Electron shell when an Electron binary is present (tests/electron).
 *
 * Nothing here sleeps: every wait is on a condition, bounded by the timeouts below.
 */
import { defineConfig } from '@playwright/test';

/** Debian's Chromium by default; KIOSK_CHROMIUM (the same variable `npm start` reads) overrides it. */
const chromiumPath = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: true,
  workers: 2,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A whole-journey test walks nine screens and takes screenshots on a 2-core machine.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['html', { outputFolder: 'playwright-report', open: 'never' }]],
  use: {
    browserName: 'chromium',
    viewport: { width: 1920, height: 1080 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
    navigationTimeout: 15_000,
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e' },
    { name: 'electron', testDir: 'tests/electron' },
  ],
});
