/**
 * The browser shell: one HTTP server on 127.0.0.1 that serves the built renderer and the kiosk API.
 * Chromium shows it with --kiosk/--app; tests drive it with Playwright.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import type { KioskApi } from '../common/api/contract.js';
import type { DownloadTickets } from '../node/export/download-tickets.js';
import type { Logger } from '../node/log/logger.js';
import { createDownloadHandler, DOWNLOAD_PREFIX } from './download-route.js';
import { API_PREFIX, createApiHandler, sendJson } from './http-transport.js';
import { createIndexHandler, isIndexPath } from './index-page.js';

/** What the page may do: only its own scripts, styles and images (logos arrive as data: URLs). */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

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

export async function startBrowserShell({ api, rendererDir, logger, port, token = randomBytes(24).toString('base64url'), downloads }: BrowserShellOptions): Promise<BrowserShell> {
  let hosts: string[] = [];
  const handleApi = createApiHandler({ api, token, logger, allowedHosts: () => hosts });
  const handleDownload = downloads && createDownloadHandler({ tickets: downloads, logger, allowedHosts: () => hosts });
  const serveStatic = sirv(rendererDir, {
    dev: false,
    etag: true,
    setHeaders: (response) => {
      for (const [name, value] of Object.entries(STATIC_HEADERS)) response.setHeader(name, value);
    },
  });
  const handleIndex = createIndexHandler({ api, rendererDir, logger, headers: STATIC_HEADERS });

  const server = createServer((request, response) => {
    if (request.url?.startsWith(API_PREFIX)) {
      handleApi(request, response).catch((error: unknown) => {
        logger.error({ err: error }, 'API transport failed');
        if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'the kiosk could not complete this request' } });
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
    if (isIndexPath(request.url)) {
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
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
