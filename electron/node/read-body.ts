/**
 * Reads an HTTP request body with a size cap, as UTF-8 text. Shared by the kiosk's loopback API
 * and the collector; each turns the failure into its own error shape.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; problem: 'too_large' | 'not_utf8' };

/** Stops reading as soon as the declared or streamed size passes `maxBytes`. */
export async function readBodyText(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return { ok: false, problem: 'too_large' };
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) return { ok: false, problem: 'too_large' };
    chunks.push(chunk);
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, problem: 'not_utf8' };
  }
}
