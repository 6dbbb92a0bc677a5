/** A real kiosk core behind the real browser-shell server on 127.0.0.1, in a fresh data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserShell, type BrowserShell } from '../../../electron/browser-shell/server.js';
import { TOKEN_HEADER } from '../../../electron/browser-shell/http-transport.js';
import { startKioskCore, type KioskCore } from '../../../electron/node/kiosk-core.js';
import { silentLogger } from '../../../electron/node/log/logger.js';
import { rendererDir } from '../../../electron/node/paths.js';

export interface TestServer {
  core: KioskCore;
  shell: BrowserShell;
  dataDir: string;
  /** POSTs raw bytes or a string to /api/<method>, with the right token unless told otherwise. */
  post(method: string, body: string | Uint8Array<ArrayBuffer>, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  stop(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-http-'));
  const core = startKioskCore({ dataDir, logger: silentLogger(), env: {} });
  const shell = await startBrowserShell({ api: core.api, rendererDir, logger: silentLogger(), port: 0 });
  return {
    core,
    shell,
    dataDir,
    async post(method, body, headers = {}) {
      const response = await fetch(new URL(`/api/${method}`, shell.origin), {
        method: 'POST',
        headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token, ...headers },
        body,
      });
      const text = await response.text();
      return { status: response.status, json: text ? JSON.parse(text) : null };
    },
    async stop() {
      await shell.close();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
