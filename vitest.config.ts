import { svelte } from '@sveltejs/vite-plugin-svelte';
import { playwright } from '@vitest/browser-playwright';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/** Debian's Chromium, as for the browser tests (playwright.config.ts); KIOSK_CHROMIUM overrides it. */
const chromiumPath = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

// Three projects. `unit`: the Node core and the shared contract, with real SQLite files and real
// HTTP on 127.0.0.1. `sync`: sync to the collector against a real PostgreSQL, which the project's
// globalSetup starts once. `renderer`: the UI's state modules and components, compiled by the same
// Svelte plugin as the app and run in real Chromium (Vitest's browser mode). The whole-app browser
// tests are Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Builds what the main-bundle and first-paint tests run, when the sources are newer.
          globalSetup: ['tests/unit/build-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'sync',
          include: ['tests/sync/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/sync/postgres-global-setup.ts'],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
      {
        plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
        resolve: { alias: { '@common': fileURLToPath(new URL('./electron/common', import.meta.url)) } },
        test: {
          name: 'renderer',
          include: ['tests/renderer/**/*.test.ts'],
          testTimeout: 30_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({ launchOptions: { executablePath: chromiumPath, args: ['--no-sandbox', '--disable-gpu'] } }),
            instances: [{ browser: 'chromium' }],
            screenshotFailures: false,
          },
        },
      },
    ],
  },
});
