/**
 * GET /downloads/<ticket>/<file name>: serves an export the core wrote, once per ticket, as an
 * attachment. The ticket is the permission (see DownloadTickets), so no API token is asked for;
 * the Host check still refuses pages on other names (DNS rebinding).
 */
import { createReadStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DOWNLOAD_PREFIX, type DownloadTickets } from '../node-core/export/download-tickets.js';
import type { Logger } from '../node-core/log/logger.js';
import { safeDecode } from './http-transport.js';
import { RefusalLog } from './refusal-log.js';

export { DOWNLOAD_PREFIX };

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.ndjson': 'application/x-ndjson; charset=utf-8',
};

export interface DownloadHandlerOptions {
  tickets: DownloadTickets;
  /** Whether the request came to the kiosk's own address (see http-transport.ts). */
  servedHere: (request: IncomingMessage) => boolean;
  logger: Logger;
}

export function createDownloadHandler({ tickets, servedHere, logger }: DownloadHandlerOptions) {
  const refusals = new RefusalLog(logger);
  return async function handleDownload(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!servedHere(request)) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    // Only GET spends a ticket; anything else is refused before looking at it.
    if (request.method !== 'GET') return void response.writeHead(405, { allow: 'GET' }).end();
    const [ticket = '', name = '', ...rest] = request.url!.slice(DOWNLOAD_PREFIX.length).split('?')[0]!.split('/');
    const fileName = safeDecode(name);
    const grant = rest.length === 0 && fileName !== null ? tickets.redeem(ticket, fileName) : null;
    const size = grant && (await sizeOf(grant.file));
    if (!grant || size === null) {
      // Anyone on the machine can ask for made-up links: the log must not grow with them.
      const outcome = grant ? 'file-missing' : 'refused';
      refusals.recordOther(`download ${outcome}`, { event: 'download', outcome }, 'download link unknown, used or expired, or its file is gone');
      return void response
        .writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
        .end('This download link has expired or was already used.');
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(grant.fileName)] ?? 'application/octet-stream',
      'content-length': size,
      // Export names are kiosk id, dates and dashes only (the kiosk id schema allows nothing else).
      'content-disposition': `attachment; filename="${grant.fileName}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    try {
      // Resolves on the response's 'finish' (every byte handed to the socket); rejects when the
      // browser goes away first, and then the rows stay unexported.
      await pipeline(createReadStream(grant.file), response);
      logger.info({ event: 'download', outcome: 'sent', file: grant.fileName }, 'export downloaded');
      grant.onSent?.();
    } finally {
      // The browser has its copy (or the admin exports again): no feedback stays staged on disk.
      await rm(grant.file, { force: true });
    }
  };
}

/** The staged file's size, or null when it is gone (removed by hand, or by another kiosk process). */
async function sizeOf(file: string): Promise<number | null> {
  try {
    return (await stat(file)).size;
  } catch {
    return null;
  }
}
