/**
 * The page itself (`/` and `/index.html`): the kiosk page (node-core/kiosk-page.ts: the welcome screen
 * rendered in, the bootstrap inlined), never cached, so a setting an admin saved shows at the next load.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KioskApi } from '../common/api/contract.js';
import type { Logger } from '../node-core/log/logger.js';
import { createKioskPage } from '../node-core/kiosk-page.js';

export const isIndexPath = (url: string | undefined) => /^\/(index\.html)?(\?.*)?$/.test(url ?? '');

export function createIndexHandler({
  api,
  rendererDir,
  logger,
  headers,
}: {
  api: KioskApi;
  rendererDir: string;
  logger: Logger;
  headers: Record<string, string>;
}) {
  const kioskPage = createKioskPage({ api, rendererDir, logger });

  return async function handleIndex(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const html = await kioskPage();
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : html);
  };
}
