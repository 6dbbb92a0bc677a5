/**
 * The kiosk's log file, built so that logging can never take the kiosk down. A full disk, a
 * read-only data folder or a vanished log folder make it drop lines (and count them) instead of
 * throwing, blocking or exiting; it tries the file again now and then, and once the file opens
 * again it adds a line saying how many were lost (lines queued while it opened may come first). The file rotates at a size cap and keeps a few
 * old files (rotating-file-stream), and is readable by the kiosk's own user only.
 */
import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createStream, type RotatingFileStream } from 'rotating-file-stream';

export interface LogFileOptions {
  dir: string;
  /** Default `kiosk.log`; rotated copies are `kiosk.log.1` (newest) … `kiosk.log.<keep>`. */
  name?: string;
  /** Rotate once the file reaches this size. */
  maxBytes?: number;
  /** Rotated files kept beside the current one. */
  keep?: number;
  /** How long after a failure the file is tried again. */
  retryMs?: number;
  /** Lines waiting for a slow disk beyond this are dropped rather than held in memory. */
  maxBacklogBytes?: number;
}

export const LOG_FILE_DEFAULTS = { name: 'kiosk.log', maxBytes: 5 * 1024 * 1024, keep: 3, retryMs: 30_000, maxBacklogBytes: 1024 * 1024 };

/** What pino writes to: one JSON line per call. */
export class LogFile {
  readonly path: string;
  readonly #options: Required<LogFileOptions>;
  #stream: RotatingFileStream | null = null;
  #retry: NodeJS.Timeout | null = null;
  #closed = false;
  #dropped = 0;
  /** Dropped lines not yet reported in the file. */
  #unreported = 0;

  constructor(options: LogFileOptions) {
    this.#options = { ...LOG_FILE_DEFAULTS, ...options };
    this.path = join(this.#options.dir, this.#options.name);
    this.#open();
  }

  /** Lines lost since the kiosk started, because the file could not take them. */
  get dropped(): number {
    return this.#dropped;
  }

  write(line: string): void {
    const stream = this.#stream;
    if (!stream || stream.destroyed || stream.writableLength > this.#options.maxBacklogBytes) return this.#drop(1);
    // A write that fails (ENOSPC, EROFS, EIO) reports here, and so does each line queued behind it.
    stream.write(line, (error) => {
      if (error) this.#drop(1);
    });
  }

  /** Waits until what was written is on disk, or has been given up on. */
  flush(callback: (error?: Error) => void = () => {}): void {
    const stream = this.#stream;
    if (!stream || stream.destroyed || stream.writableLength === 0) return callback();
    // An empty write's callback runs once everything queued before it is done.
    stream.write('', () => callback());
  }

  /** Ends the file after what was written; a disk that hangs gets `timeoutMs`, so stopping never does. */
  close(timeoutMs = 2000): Promise<void> {
    this.#closed = true;
    if (this.#retry) clearTimeout(this.#retry);
    const stream = this.#stream;
    this.#stream = null;
    if (!stream || stream.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      setTimeout(resolve, timeoutMs).unref();
      stream.end(() => resolve());
    });
  }

  #open(): void {
    const { dir, name, maxBytes, keep } = this.#options;
    try {
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      chmodSync(dir, 0o700); // a folder made by an older version may be wider
    } catch {
      // A read-only or full disk: the stream below fails too, and we try again later.
    }
    const stream = createStream(name, { path: dir, size: `${maxBytes}B`, rotate: keep, mode: 0o600 });
    // rotating-file-stream emits `error` when it cannot open or write: the stream is then done.
    stream.on('error', () => this.#failed(stream));
    // Warnings concern old rotated files (one vanished, say); the current file is fine.
    stream.on('warning', () => {});
    stream.once('open', () => {
      try {
        chmodSync(this.path, 0o600); // a file made by an older version may be wider
      } catch {
        // Not ours to fix now; writing still works.
      }
      this.#reportDropped(stream);
    });
    this.#stream = stream;
  }

  #failed(stream: RotatingFileStream): void {
    if (this.#stream !== stream) return;
    this.#stream = null;
    stream.destroy();
    if (this.#closed) return;
    this.#retry = setTimeout(() => {
      this.#retry = null;
      if (!this.#closed) this.#open();
    }, this.#options.retryMs);
    // A pending retry must never keep a stopping kiosk (or a one-shot CLI command) alive.
    this.#retry.unref();
  }

  #drop(lines: number): void {
    this.#dropped += lines;
    this.#unreported += lines;
  }

  #reportDropped(stream: RotatingFileStream): void {
    const lines = this.#unreported;
    if (lines === 0) return;
    this.#unreported = 0;
    const notice = {
      level: 40,
      time: new Date().toISOString(),
      app: 'clinic-kiosk',
      droppedLines: lines,
      msg: `${lines} log lines were dropped while the log file could not be written`,
    };
    // A failed write may have left half a line: start a fresh one, so the notice parses on its own.
    stream.write(`\n${JSON.stringify(notice)}\n`, (error) => {
      if (error) this.#unreported += lines;
    });
  }
}
