import { defineConfig } from 'vitest/config';

// Unit and integration tests of the Node core and the shared contract: real SQLite files, real
// HTTP on 127.0.0.1. The sync tests (tests/sync) also need a real PostgreSQL, which their own
// project's globalSetup starts once. The browser tests are Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'sync', include: ['tests/sync/**/*.test.ts'], globalSetup: ['tests/sync/postgres-global-setup.ts'], hookTimeout: 90_000 },
      },
    ],
  },
});
