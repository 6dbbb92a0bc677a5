/**
 * The kiosk's log: structured JSON lines through pino, to a rotating file in the data folder and,
 * from `warn` up, to stderr. Patients never see it; staff and support read it when something went
 * wrong. Neither destination can stop the kiosk: see LogFile, and `safeStderr` below.
 */
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { LogFile, type LogFileOptions } from './log-file.js';

export type { Logger };
export { LogFile };

export interface KioskLogOptions extends Partial<LogFileOptions> {
  level?: string;
}

/** The log file and the logger writing to it; the file is there for its `dropped` count. */
export function createKioskLog(
  dataDir: string,
  { level = process.env.KIOSK_LOG_LEVEL ?? 'info', ...file }: KioskLogOptions = {},
): { logger: Logger; file: LogFile } {
  const logFile = new LogFile({ dir: join(dataDir, 'logs'), ...file });
  const logger = pino(
    { level, base: { app: 'clinic-kiosk' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.multistream([
      { level: level as pino.Level, stream: logFile },
      { level: 'warn', stream: safeStderr },
    ]),
  );
  return { logger, file: logFile };
}

export function createLogger(dataDir: string, level?: string): Logger {
  return createKioskLog(dataDir, { level }).logger;
}

/** For tests and one-shot CLI commands: nothing written anywhere. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}

/**
 * stderr as a log destination: once it fails (EPIPE when whoever started the kiosk went away),
 * it is left alone, rather than letting its `error` event end the process.
 */
let stderrBroken = false;
const safeStderr = {
  write(line: string): void {
    if (stderrBroken) return;
    if (process.stderr.listenerCount('error') === 0) process.stderr.on('error', () => (stderrBroken = true));
    try {
      process.stderr.write(line);
    } catch {
      stderrBroken = true;
    }
  },
};
