/**
 * The browser shell: one HTTP server on 127.0.0.1 that serves the built renderer and the kiosk API.
 * Chromium shows it with --kiosk/--app; tests drive it with Playwright.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { KioskApi } from '../common/api/contract.js';
import { contentSecurityPolicy } from '../common/csp.js';
import { INTERNAL_FAILURE } from '../common/api/errors.js';
import type { DownloadTickets } from '../node-core/export/download-tickets.js';
import type { Logger } from '../node-core/log/logger.js';
import { createDownloadHandler, DOWNLOAD_PREFIX } from './download-route.js';
import { sendJson } from '../node-core/http-reply.js';
import { API_PREFIX, createApiHandler } from './http-transport.js';
import { createIndexHandler, isIndexPath } from './index-page.js';

/** What the page may do: the one policy of electron/common/csp.ts, with fetches to this server. */
const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ connect: 'self' });

/** Sent with every page and file the server serves. */
const STATIC_HEADERS = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export interface BrowserShellOptions {
  api: KioskApi;
  rendererDir: string;
  logger: Logger;
  /** 0 picks a free port. */
  port: number;
  /** A fixed token for tests; by default a fresh random one per launch. */
  token?: string;
  /** The core's one-time export links, served under /downloads/. */
  downloads?: DownloadTickets;
}

export interface BrowserShell {
  server: Server;
  /** `http://127.0.0.1:PORT/` */
  origin: string;
  token: string;
  /** The URL a window opens: the token travels in the fragment, which is never sent to the server. */
  kioskUrl: string;
  close(): Promise<void>;
}

export async function startBrowserShell({
  api,
  rendererDir,
  logger,
  port,
  token = randomBytes(24).toString('base64url'),
  downloads,
}: BrowserShellOptions): Promise<BrowserShell> {
  let hosts: string[] = [];
  // The API, downloads and the page answer only at the kiosk's own address; each refuses in its own way.
  const servedHere = (request: IncomingMessage) => hosts.includes(request.headers.host ?? '');
  const handleApi = createApiHandler({ api, token, logger, servedHere });
  const handleDownload = downloads && createDownloadHandler({ tickets: downloads, logger, servedHere });
  // Without a built UI (a fresh clone; `npm run dev`, where Vite serves the pages) the API still
  // runs, and a page request says what is missing instead of the server dying on start.
  const uiBuilt = existsSync(rendererDir);
  const serveStatic = uiBuilt
    ? sirv(rendererDir, {
        dev: false,
        etag: true,
        setHeaders: (response) => {
          for (const [name, value] of Object.entries(STATIC_HEADERS)) response.setHeader(name, value);
        },
      })
    : uiNotBuilt(rendererDir, logger);
  const handleIndex = createIndexHandler({ api, rendererDir, logger, headers: STATIC_HEADERS });

  const server = createServer((request, response) => {
    if (request.url?.startsWith(API_PREFIX)) {
      handleApi(request, response).catch((error: unknown) => {
        logger.error({ err: error }, 'API transport failed');
        if (!response.headersSent) sendJson(response, 500, INTERNAL_FAILURE);
        else response.destroy();
      });
      return;
    }
    if (handleDownload && request.url?.startsWith(DOWNLOAD_PREFIX)) {
      handleDownload(request, response).catch((error: unknown) => {
        logger.error({ err: error }, 'download failed');
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' }).end('The download failed.');
        else response.destroy();
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (uiBuilt && isIndexPath(request.url)) {
      // The page carries the bootstrap: a DNS-rebinding page elsewhere must not read it.
      if (!servedHere(request)) {
        response.writeHead(421, { 'content-type': 'text/plain' }).end('This address is not served.');
        return;
      }
      handleIndex(request, response).catch((error: unknown) => {
        logger.error({ err: error }, 'the page could not be served');
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' }).end('The kiosk page could not be served.');
        else response.destroy();
      });
      return;
    }
    serveStatic(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    });
  });
  // Slow or stalled clients must not hold the kiosk's only server hostage.
  server.requestTimeout = 10_000;
  server.headersTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  hosts = [`127.0.0.1:${actualPort}`, `localhost:${actualPort}`];
  const origin = `http://127.0.0.1:${actualPort}/`;

  return {
    server,
    origin,
    token,
    kioskUrl: `${origin}#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function uiNotBuilt(rendererDir: string, logger: Logger) {
  logger.warn({ rendererDir }, 'the kiosk UI is not built; serving the API only');
  return (_request: IncomingMessage, response: ServerResponse) => {
    response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('The kiosk UI is not built yet: run "npm run build".');
  };
}
