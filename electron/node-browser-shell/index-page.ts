/**
 * The page itself (`/` and `/index.html`): the kiosk page (node-core/kiosk-page.ts: the welcome screen
 * rendered in, the bootstrap inlined), never cached, so a setting an admin saved shows at the next load.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { KioskApi } from '../common/api/contract.js';
import type { Logger } from '../node-core/log/logger.js';
import { sendText } from '../node-core/http-reply.js';
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

  // A HEAD request gets the same headers; Node leaves the body out of the answer itself.
  return async function handleIndex(_request: IncomingMessage, response: ServerResponse): Promise<void> {
    sendText(response, 200, await kioskPage(), 'text/html; charset=utf-8', headers);
  };
}
