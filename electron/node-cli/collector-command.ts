/**
 * `clinic-kiosk collector`: the clinic's central collector, a separate long-running program that
 * shares only the protocol (electron/common/sync) with the kiosk. Tokens come from a file or the
 * environment, never the command line.
 */
import pino from 'pino';
import { openCollectorStore } from '../node-collector/collector-store.js';
import { startCollectorServer } from '../node-collector/server.js';
import { loadTokens, TokenBook } from '../node-collector/tokens.js';
import { UsageError } from './usage-error.js';

export interface CollectorCommandOptions {
  databaseUrl: string | undefined;
  port: number;
  host: string | undefined;
  tokensFile: string | undefined;
}

export async function runCollector(options: CollectorCommandOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // The environment is the safer place for a URL with a password in it: argv is world-readable.
  const databaseUrl = options.databaseUrl || env.COLLECTOR_DATABASE_URL;
  if (!databaseUrl) throw new UsageError('collector needs --database-url postgres://… (or COLLECTOR_DATABASE_URL)');
  if (!/^postgres(ql)?:\/\//.test(databaseUrl)) throw new UsageError('--database-url must start with postgres:// or postgresql://');
  const tokens = new TokenBook(loadTokens(options.tokensFile, env));
  const logger = pino({ base: { app: 'clinic-kiosk-collector' }, timestamp: pino.stdTimeFunctions.isoTime });
  const store = await openCollectorStore(databaseUrl);
  const collector = await startCollectorServer({ store, tokens, logger, port: options.port, host: options.host });
  process.stdout.write(`Collector ready at ${collector.origin}\n`);
  const stop = () =>
    void collector
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return 0;
}
