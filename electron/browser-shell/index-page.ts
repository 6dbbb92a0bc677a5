/**
 * The page itself (`/` and `/index.html`): the built index.html with this moment's bootstrap
 * inlined (see common/api/inline-bootstrap.ts), never cached, so a setting an admin saved shows at
 * the next load. If the bootstrap cannot be read, the page goes out without it and the renderer asks
 * the API as before.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { KioskApi } from '../common/api/contract.js';
import { inlineBootstrapElement } from '../common/api/inline-bootstrap.js';
import type { Logger } from '../node/log/logger.js';

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
  let template: string | undefined;

  return async function handleIndex(request: IncomingMessage, response: ServerResponse): Promise<void> {
    template ??= readFileSync(join(rendererDir, 'index.html'), 'utf8');
    let inline = '';
    try {
      inline = inlineBootstrapElement(await api.getBootstrap({}));
    } catch (error) {
      logger.warn({ err: error }, 'the bootstrap could not be inlined; the page will ask the API');
    }
    const html = template.replace('</body>', `${inline}</body>`);
    response.writeHead(200, {
      ...headers,
      'content-type': 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(html),
      'cache-control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : html);
  };
}
