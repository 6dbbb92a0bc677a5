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
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import pino from 'pino';
import { openCollectorStore } from '../electron/collector/collector-store.js';
import { startCollectorServer } from '../electron/collector/server.js';
import { TokenBook } from '../electron/collector/tokens.js';
import { defaultConfig } from '../electron/node/config/load-config.js';
import { KioskSettings } from '../electron/node/kiosk-settings.js';
import { SETTING_KEYS } from '../electron/node/setting-keys.js';
import { openFeedbackStore } from '../electron/node/storage/feedback-store.js';
import { INSERT_FEEDBACK, INSERT_TOPIC } from '../electron/node/storage/feedback-rows.js';
import { SyncOutbox } from '../electron/node/sync/outbox.js';
import { startPostgres } from '../tests/sync/postgres-server.js';

export interface SyncBenchResult {
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

const KIOSK_ID = 'bench-1';

/** Fills the kiosk database in one transaction: the backlog a kiosk offline for months would hold. */
function seedBacklog(file: string, rows: number): void {
  const db = new Database(file);
  const feedback = db.prepare(INSERT_FEEDBACK);
  const topic = db.prepare(INSERT_TOPIC);
  const start = Date.parse('2026-01-01T08:00:00.000Z');
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const id = randomUUID();
      feedback.run({
        id,
        createdAt: new Date(start + i * 60_000).toISOString(),
        kioskId: KIOSK_ID,
        contentVersion: '1.0.0',
        locale: 'en',
        worryBefore: 1 + (i % 5),
        worryAfter: 1 + ((i * 3) % 5),
        overallHelpfulness: i % 7 === 0 ? null : 1 + (i % 5),
        answeredQuestions: (['yes', 'partly', 'no'] as const)[i % 3],
        comment: i % 4 === 0 ? `Row ${i}: the comparison table helped; thank you for explaining it calmly.` : null,
        partial: 0,
      });
      for (const [t, name] of ['summary', 'safety-protocol', 'faq'].entries()) topic.run(id, name, (i + t) % 2);
    }
  })();
  db.close();
}

async function freshDatabase(serverUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const name = `bench_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.href;
}

export async function benchSync(options: { rows?: number; quick?: boolean; tmpDir?: string } = {}): Promise<SyncBenchResult> {
  const rows = options.rows ?? (options.quick ? 10_000 : 100_000);
  const workDir = mkdtempSync(join(options.tmpDir ?? tmpdir(), 'sync-bench-'));
  const server = process.env.SYNC_BENCH_DATABASE_URL ? null : await startPostgres();
  const databaseUrl = process.env.SYNC_BENCH_DATABASE_URL ?? (await freshDatabase(server!.url));
  const token = randomBytes(32).toString('hex');
  const collectorStore = await openCollectorStore(databaseUrl);
  const collector = await startCollectorServer({
    store: collectorStore,
    tokens: new TokenBook({ kiosks: [{ kioskId: KIOSK_ID, token }], reportToken: randomBytes(32).toString('hex') }),
    logger: pino({ level: 'silent' }),
    port: 0,
  });
  const store = openFeedbackStore({ dataDir: workDir, kioskId: KIOSK_ID });
  try {
    seedBacklog(store.file, rows);
    store.putSettings({ [SETTING_KEYS.setting('syncEndpoint')]: collector.origin });
    const settings = new KioskSettings({ ...defaultConfig(), kioskId: KIOSK_ID }, pino({ level: 'silent' }));
    const tokens = { get: () => token, set: () => {} };
    const outbox = new SyncOutbox({ store: () => store, tokens: () => tokens, settings, logger: pino({ level: 'silent' }), now: () => new Date() });

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
    store.close();
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
