/**
 * A minimal Chrome DevTools Protocol client over `--remote-debugging-pipe`: Chromium reads
 * commands from its fd 3 and writes answers and events to its fd 4, as JSON messages ending in
 * a NUL byte. The pipe belongs to the kiosk's process alone: unlike a debugging port or the
 * command line, no other local user can reach it. The browser shell uses it to hand the page its
 * launch token and to hear when the page crashes.
 */
import { EventEmitter } from 'node:events';
import type { Readable, Writable } from 'node:stream';

export interface CdpEvent {
  method: string;
  params: Record<string, unknown>;
  sessionId?: string;
}

interface Pending {
  resolve(result: Record<string, unknown>): void;
  reject(error: Error): void;
}

export class CdpPipe extends EventEmitter<{ event: [CdpEvent]; close: [] }> {
  #nextId = 1;
  #pending = new Map<number, Pending>();
  #buffered = '';
  #closed = false;

  constructor(
    private readonly toChromium: Writable,
    fromChromium: Readable,
  ) {
    super();
    fromChromium.setEncoding('utf8');
    fromChromium.on('data', (text: string) => this.#receive(text));
    fromChromium.on('close', () => this.#close());
    fromChromium.on('error', () => this.#close());
    toChromium.on('error', () => this.#close());
  }

  send(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> {
    if (this.#closed) return Promise.reject(new Error(`CDP pipe closed before ${method}`));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      this.toChromium.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  }

  #receive(text: string): void {
    this.#buffered += text;
    let end: number;
    while ((end = this.#buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(this.#buffered.slice(0, end)) as {
        id?: number;
        result?: Record<string, unknown>;
        error?: { message: string };
      } & Partial<CdpEvent>;
      this.#buffered = this.#buffered.slice(end + 1);
      if (message.id === undefined) {
        this.emit('event', { method: message.method ?? '', params: message.params ?? {}, sessionId: message.sessionId });
        continue;
      }
      const pending = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error) pending?.reject(new Error(`CDP: ${message.error.message}`));
      else pending?.resolve(message.result ?? {});
    }
  }

  #close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const pending of this.#pending.values()) pending.reject(new Error('CDP pipe closed'));
    this.#pending.clear();
    this.emit('close');
  }
}
