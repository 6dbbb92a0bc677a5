import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './kiosk-server.js';

// A fresh clone has no dist/renderer: `npm run dev` (Vite serves the pages) and the unit tests
// still need the server's API, and a person who opens the page must learn what is missing.
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ rendererDir: join(tmpdir(), 'kiosk-no-such-renderer') });
});
afterAll(() => server?.stop());

it('serves the API when the UI is not built, and says so for a page', async () => {
  expect(await server.call('getBootstrap', {})).toMatchObject({ session: { idleTimeoutSeconds: 90 } });
  const page = await fetch(server.shell.origin);
  expect(page.status).toBe(503);
  expect(await page.text()).toBe('The kiosk UI is not built yet: run "npm run build".');
});
