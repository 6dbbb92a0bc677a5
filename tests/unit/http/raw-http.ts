/**
 * HTTP/1.1 by hand over a TCP socket to 127.0.0.1, for what fetch will not send (undecodable
 * paths, lying headers) and to see exactly how the server ends a connection (an answer, or a reset).
 */
import { connect } from 'node:net';

export interface RawAnswer {
  /** The status code, or null when the connection ended (or was reset) with no status line. */
  status: number | null;
  text: string;
  /** `ECONNRESET` and the like, when the socket failed. */
  error: string | null;
}

/** Sends `head` (CRLFs added) and `body`, then reads until the server closes; gives up after `timeoutMs`. */
export function rawRequest(port: number, head: string[], body: Uint8Array | string = '', timeoutMs = 5000): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const received: Buffer[] = [];
    let error: string | null = null;
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error('timed out')));
    socket.on('data', (chunk) => received.push(chunk));
    socket.on('error', (failure: NodeJS.ErrnoException) => (error = failure.code ?? failure.message));
    socket.on('close', () => {
      const text = Buffer.concat(received).toString('latin1');
      const status = /^HTTP\/1\.1 (\d{3}) /.exec(text);
      resolve({ status: status ? Number(status[1]) : null, text, error });
    });
    socket.write(`${head.join('\r\n')}\r\n\r\n`);
    // The server may answer and close before the whole body is sent; that is what we observe.
    socket.end(body, () => {});
  });
}

/** `body` as one chunk of an HTTP/1.1 chunked body, with the last-chunk marker after it. */
export const chunked = (body: Buffer): Buffer => Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);

/** Runs `count` jobs, `parallel` at a time; resolves with their results in order. */
export async function inPool<T>(count: number, parallel: number, job: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      results[index] = await job(index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return results;
}
