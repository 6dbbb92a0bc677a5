import { defineConfig } from 'vitest/config';

// Unit and integration tests of the Node core and the shared contract: real SQLite files, real
// HTTP on 127.0.0.1. The browser tests are Playwright's (playwright.config.ts).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
