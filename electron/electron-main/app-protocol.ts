/**
 * Serves the built renderer from `app://kiosk/` instead of file://, so the page has a real origin
 * that IPC senders can be checked against, and a Content-Security-Policy header of its own.
 * Anything that is not a file inside the renderer folder (a traversal attempt, a missing or
 * malformed path, another host) answers 404, and nothing here ever throws into Electron.
 */
import { net, protocol } from 'electron';
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../common/csp.js';
import type { Logger } from '../node/log/logger.js';

export const APP_SCHEME = 'app';

/** The page calls the API through the preload, so it may fetch nothing at all. */
const CONTENT_SECURITY_POLICY = contentSecurityPolicy({ connect: 'none' });

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain' } });

/** The renderer file an app:// URL names, or null when it names none. */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  const { host, pathname } = new URL(url);
  if (host !== 'kiosk') return null;
  let path: string;
  try {
    path = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const file = resolve(rendererDir, `.${path}`);
  const inside = relative(rendererDir, file);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : null;
}

export function serveRenderer(rendererDir: string, logger: Logger): void {
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      const file = rendererFileFor(request.url, rendererDir);
      if (!file) return notFound();
      const response = await net.fetch(pathToFileURL(file).toString());
      if (!response.ok) return notFound();
      const headers = new Headers(response.headers);
      headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
      headers.set('x-content-type-options', 'nosniff');
      return new Response(response.body, { status: response.status, headers });
    } catch (error) {
      logger.warn({ err: error, url: request.url.slice(0, 300) }, 'app:// request failed; answered 404');
      return notFound();
    }
  });
}
