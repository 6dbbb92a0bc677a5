/**
 * Sync throughput: a backlog of 100,000 feedback rows (10,000 with --quick) from a kiosk database
 * to a real collector on 127.0.0.1 and a real PostgreSQL, in rows per second. A benchmark, not a
 * timed test: it prints the figure and checks only that every row arrived once.
 *
 *   benchSync({ rows, quick, tmpDir }) → { rows, seconds, rowsPerSecond }   (for `npm run bench`)
 *   npx tsx bench/sync.ts [--quick]                                          (on its own)
 *
 * PostgreSQL: SYNC_BENCH_DATABASE_URL if set (an empty database), otherwise a throw-away server
 * started like the sync tests' (tests/sync/postgres-server.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import pino from 'pino';
import { openCollectorStore } from '../electron/node-collector/collector-store.js';
import { startCollectorServer } from '../electron/node-collector/server.js';
import { TokenBook } from '../electron/node-collector/tokens.js';
import { defaultConfig } from '../electron/node-core/config/load-config.js';
import { KioskSettings } from '../electron/node-core/kiosk-settings.js';
import { SETTING_KEYS } from '../electron/node-core/setting-keys.js';
import { KioskDatabase } from '../electron/node-core/storage/kiosk-database.js';
import { SyncOutbox } from '../electron/node-core/sync/outbox.js';
import { createDatabase, startPostgres } from '../tests/sync/postgres-server.js';
import { seedFeedback } from '../tests/support/seed-feedback.js';

export interface SyncBenchResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

const KIOSK_ID = 'bench-1';

export async function benchSync(options: { rows?: number; quick?: boolean; tmpDir?: string } = {}): Promise<SyncBenchResult> {
  const rows = options.rows ?? (options.quick ? 10_000 : 100_000);
  const workDir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'sync-bench-'));
  const server = process.env.SYNC_BENCH_DATABASE_URL ? null : await startPostgres();
  const databaseUrl = process.env.SYNC_BENCH_DATABASE_URL ?? (await createDatabase(server!.url, 'bench'));
  const token = randomBytes(32).toString('hex');
  const collectorStore = await openCollectorStore(databaseUrl);
  const collector = await startCollectorServer({
    store: collectorStore,
    tokens: new TokenBook({ kiosks: [{ kioskId: KIOSK_ID, token }], reportToken: randomBytes(32).toString('hex') }),
    logger: pino({ level: 'silent' }),
    port: 0,
  });
  const database = new KioskDatabase({ dataDir: workDir, kioskId: KIOSK_ID });
  try {
    // The backlog a kiosk offline for months would hold, in one transaction.
    seedFeedback(database.file, rows, KIOSK_ID);
    database.settings.put({ [SETTING_KEYS.setting('syncEndpoint')]: collector.origin });
    const settings = new KioskSettings({ ...defaultConfig(), kioskId: KIOSK_ID }, pino({ level: 'silent' }));
    const tokens = { get: () => token, set: () => {} };
    const outbox = new SyncOutbox({ database: () => database, tokens: () => tokens, settings, logger: pino({ level: 'silent' }), now: () => new Date() });

    const started = process.hrtime.bigint();
    const result = await outbox.syncNow();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;

    if (result?.outcome !== 'done' || result.acknowledged !== rows) throw new Error(`sync did not finish: ${JSON.stringify(result)}`);
    const check = new pg.Client({ connectionString: databaseUrl });
    await check.connect();
    const {
      rows: [count],
    } = await check.query<{ n: number }>('SELECT count(*)::int AS n FROM feedback');
    await check.end();
    if (count!.n !== rows) throw new Error(`PostgreSQL holds ${count!.n} rows, expected ${rows}`);
    return { rows, seconds, rowsPerSecond: rows / seconds };
  } finally {
    database.close();
    await collector.close();
    await collectorStore.close();
    server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchSync({ quick: process.argv.includes('--quick') });
  console.log(`sync: ${result.rows} rows in ${result.seconds.toFixed(1)} s = ${Math.round(result.rowsPerSecond)} rows/s`);
}
