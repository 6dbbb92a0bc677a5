/** A real kiosk core behind the real browser-shell server on 127.0.0.1, in a fresh data folder. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBrowserShell, type BrowserShell } from '../../../electron/node-browser-shell/server.js';
import { TOKEN_HEADER } from '../../../electron/node-browser-shell/http-transport.js';
import { startKioskCore, type KioskCore } from '../../../electron/node-core/kiosk-core.js';
import { silentLogger, type Logger } from '../../../electron/node-core/log/logger.js';
import { rendererDir } from '../../../electron/node-core/paths.js';
import { afterEach } from 'vitest';
import type { TestClock } from '../fixtures/clock.js';
import { ADMIN_PIN, STAFF_PIN, testCoreOptions } from '../fixtures/core.js';
import { testShell, type TestShell } from '../fixtures/shell.js';

export interface TestServer {
  core: KioskCore;
  shell: BrowserShell;
  /** What the core was told the shell can do (downloads, yes; a folder dialog, no). */
  capabilities: TestShell;
  dataDir: string;
  /** POSTs raw bytes or a string to /api/<method>, with the right token unless told otherwise. */
  post(method: string, body: string | Uint8Array<ArrayBuffer>, headers?: Record<string, string>): Promise<{ status: number; json: any }>;
  /** POSTs a JSON value to /api/<method> and returns the ApiResult's value, or throws its error. */
  call(method: string, input: unknown): Promise<any>;
  stop(): Promise<void>;
}

/**
 * `dataDir`: an existing folder the caller cleans up; by default a fresh one that `stop` removes.
 * `rendererDir` defaults to the built UI's folder, which need not exist: the API runs without it.
 */
export async function startTestServer(options: { clock?: TestClock; logger?: Logger; dataDir?: string; rendererDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-http-'));
  const capabilities = testShell();
  const logger = options.logger ?? silentLogger();
  const core = startKioskCore(testCoreOptions(dataDir, { logger, shell: capabilities, now: options.clock?.now }));
  const shell = await startBrowserShell({ api: core.api, rendererDir: options.rendererDir ?? rendererDir, logger, port: 0, downloads: core.downloads });
  const post: TestServer['post'] = async (method, body, headers = {}) => {
    const response = await fetch(new URL(`/api/${method}`, shell.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: shell.token, ...headers },
      body,
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : null };
  };
  return {
    core,
    shell,
    capabilities,
    dataDir,
    post,
    async call(method, input) {
      const { json } = await post(method, JSON.stringify(input));
      if (!json.ok) throw Object.assign(new Error(json.error.message), json.error);
      return json.value;
    },
    async stop() {
      await shell.close();
      core.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Returns a function that starts a test server; every server it started is stopped after each test. */
export function useTestServers(): (options?: Parameters<typeof startTestServer>[0]) => Promise<TestServer> {
  const started: TestServer[] = [];
  afterEach(async () => {
    for (const server of started.splice(0)) await server.stop();
  });
  return async (options) => {
    const server = await startTestServer(options);
    started.push(server);
    return server;
  };
}

/** Sets up both PINs (first run) and returns an admin session on `server`. */
export async function adminSessionOn(server: TestServer): Promise<string> {
  await server.call('setupPins', { staffPin: STAFF_PIN, adminPin: ADMIN_PIN });
  return (await server.call('unlockStaff', { pin: ADMIN_PIN })).session;
}
