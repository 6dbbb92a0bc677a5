/**
 * Serves the built renderer from `app://kiosk/` instead of file://, so the page has a real origin
 * that IPC senders can be checked against, and a Content-Security-Policy header of its own.
 * The page itself is the kiosk page both shells serve (node-core/kiosk-page.ts: the welcome screen
 * rendered in, the bootstrap inlined), so Electron's first paint is the welcome screen too.
 * Anything that is not a file inside the renderer folder (a traversal attempt, a missing or
 * malformed path, another host) answers 404, and nothing here ever throws into Electron.
 */
import { net, protocol } from 'electron';
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { contentSecurityPolicy } from '../common/csp.js';
import type { KioskPage } from '../node-core/kiosk-page.js';
import type { Logger } from '../node-core/log/logger.js';

export const APP_SCHEME = 'app';

/** The page calls the API through the preload, so it may fetch nothing at all. */
const SECURITY_HEADERS = { 'content-security-policy': contentSecurityPolicy({ connect: 'none' }), 'x-content-type-options': 'nosniff' };

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

export function serveRenderer(rendererDir: string, kioskPage: KioskPage, logger: Logger): void {
  const indexFile = join(rendererDir, 'index.html');
  protocol.handle(APP_SCHEME, async (request) => {
    try {
      const file = rendererFileFor(request.url, rendererDir);
      if (!file) return notFound();
      if (file === indexFile) {
        // Never cached, so a setting an admin saved shows at the next load.
        return new Response(await kioskPage(), { headers: { ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } });
      }
      const response = await net.fetch(pathToFileURL(file).toString());
      if (!response.ok) return notFound();
      const headers = new Headers(response.headers);
      for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
      return new Response(response.body, { status: response.status, headers });
    } catch (error) {
      logger.warn({ err: error, url: request.url.slice(0, 300) }, 'app:// request failed; answered 404');
      return notFound();
    }
  });
}
