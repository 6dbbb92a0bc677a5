/**
 * Reads an HTTP request body with a size cap, as UTF-8 text. Shared by the kiosk's loopback API
 * and the collector; each turns a problem into its own error shape.
 *
 * A body past the cap is drained (read and dropped, up to DRAIN_FACTOR × the cap) before the caller
 * answers: closing a socket that still has unread bytes makes the OS send a reset, which can wipe
 * the answer before the client reads it, notably with `Connection: close`.
 */
import type { IncomingMessage } from 'node:http';

export type BodyProblem = 'too_large' | 'cut_off' | 'not_utf8';
/** A refusal names its problem, and says it in words both servers answer with. */
export type BodyResult = { ok: true; text: string } | { ok: false; problem: BodyProblem; message: string };

/** Far past the cap the client is not one of ours: answer and let the socket go. */
const DRAIN_FACTOR = 16;

export async function readBodyText(request: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const chunks: Buffer[] = [];
  let size = 0;
  // A declared length over the cap is refused without keeping a byte, but still drained.
  let over = Number(request.headers['content-length'] ?? 0) > maxBytes;
  await drain(request, maxBytes * DRAIN_FACTOR, (chunk) => {
    size += chunk.length;
    over ||= size > maxBytes;
    if (!over) chunks.push(chunk);
  });
  if (over) return { ok: false, problem: 'too_large', message: `the body is larger than ${maxBytes} bytes` };
  if (!request.complete) return { ok: false, problem: 'cut_off', message: 'the body was cut off' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)) };
  } catch {
    return { ok: false, problem: 'not_utf8', message: 'the body is not valid UTF-8' };
  }
}

/** Reads the request to its end (or `limit` bytes), passing each chunk to `take`. */
function drain(request: IncomingMessage, limit: number, take: (chunk: Buffer) => void): Promise<void> {
  return new Promise((resolve) => {
    if (request.readableEnded) return resolve();
    let seen = 0;
    // A client that goes away mid-body ends the read too; `complete` then tells.
    const finish = () => {
      request.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      take(chunk);
      if (seen > limit) finish();
    };
    request.on('data', onData).once('end', finish).once('error', finish).once('close', finish);
  });
}
