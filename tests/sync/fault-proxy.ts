/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of the collector. Each request takes the
 * next fault from the plan (then passes through once the plan is used up):
 *   pass         forward, answer as the collector did
 *   error-500    answer 500 without forwarding
 *   hang         never answer (the kiosk's timeout must end it); the socket is freed at close
 *   drop-after   forward, let the collector commit, then cut the connection before any answer
 *   rate-limit   answer 429 with Retry-After (seconds)
 *   trickle      forward, then send the answer a few bytes at a time, too slowly to finish in time
 *   hold         forward, then hold the answer until release() (for killing the kiosk meanwhile)
 */
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault = 'pass' | 'error-500' | 'hang' | 'drop-after' | 'rate-limit' | 'trickle' | 'hold';

export interface FaultProxy {
  origin: string;
  port: number;
  /** Faults for the next requests, in order. */
  plan(...faults: Fault[]): void;
  /** Every request seen and the fault it met. */
  readonly seen: Fault[];
  /** Resolves when a `hold` request has been committed by the collector. */
  held(): Promise<void>;
  release(): void;
  retryAfterSeconds: number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string, port = 0): Promise<FaultProxy> {
  const upstream = new URL(target);
  const queue: Fault[] = [];
  const seen: Fault[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let onHeld: (() => void) | null = null;
  let heldPromise: Promise<void> = new Promise((resolve) => (onHeld = resolve));
  const releases: (() => void)[] = [];

  const forward = (request: IncomingMessage, body: Buffer) =>
    new Promise<{ status: number; headers: Record<string, string>; body: Buffer }>((resolve, reject) => {
      const outgoing = httpRequest(
        { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
        (answer) => {
          const chunks: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => chunks.push(chunk));
          answer.on('end', () => resolve({ status: answer.statusCode!, headers: answer.headers as Record<string, string>, body: Buffer.concat(chunks) }));
          answer.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request as AsyncIterable<Buffer>) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const fault = queue.shift() ?? 'pass';
    seen.push(fault);
    switch (fault) {
      case 'error-500':
        return void response.writeHead(500, { 'content-type': 'text/plain' }).end('proxy says no');
      case 'rate-limit':
        return void response.writeHead(429, { 'retry-after': String(proxy.retryAfterSeconds), 'content-type': 'text/plain' }).end('slow down');
      case 'hang':
        return; // the socket stays open and silent
      default:
        break;
    }
    const answer = await forward(request, body);
    if (fault === 'drop-after') return void response.socket?.destroy();
    if (fault === 'hold') {
      onHeld?.();
      await new Promise<void>((resolve) => releases.push(resolve));
    }
    const { 'content-length': _length, 'transfer-encoding': _te, connection: _c, ...headers } = answer.headers;
    if (fault === 'trickle') {
      response.writeHead(answer.status, { ...headers, 'content-length': answer.body.length });
      let at = 0;
      const drip = () => {
        if (response.destroyed || at >= answer.body.length) return void response.end();
        response.write(answer.body.subarray(at, (at += 2)));
        const timer = setTimeout(drip, 200);
        timers.add(timer);
      };
      return drip();
    }
    response.writeHead(answer.status, { ...headers, 'content-length': answer.body.length }).end(answer.body);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch(() => response.socket?.destroy());
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;

  const proxy: FaultProxy = {
    origin: `http://127.0.0.1:${actualPort}/`,
    port: actualPort,
    plan: (...faults) => void queue.push(...faults),
    seen,
    held: () => heldPromise,
    release() {
      for (const release of releases.splice(0)) release();
      heldPromise = new Promise((resolve) => (onHeld = resolve));
    },
    retryAfterSeconds: 1,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        for (const release of releases.splice(0)) release();
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  return proxy;
}
