/**
 * The kiosk's log: structured JSON lines through pino, to a file in the data folder and to stderr.
 * Patients never see it; staff and support read it when something went wrong.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';

export type { Logger };

export function createLogger(dataDir: string, level = process.env.KIOSK_LOG_LEVEL ?? 'info'): Logger {
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const file = pino.destination({ dest: join(logDir, 'kiosk.log'), mkdir: true, sync: false });
  return pino(
    { level, base: { app: 'clinic-kiosk' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.multistream([
      { level: level as pino.Level, stream: file },
      { level: 'warn', stream: process.stderr },
    ]),
  );
}

/** For tests and one-shot CLI commands: nothing written anywhere. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
