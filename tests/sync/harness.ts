/**
 * What every sync test stands on: a fresh PostgreSQL database on the shared test server, a real
 * collector on 127.0.0.1 in front of it, and real kiosk cores on temp folders, set up for sync
 * through the admin API as an admin would.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterEach, inject } from 'vitest';
import { SYNC_PROTOCOL_VERSION, type SyncRow } from '../../electron/common/sync/protocol.js';
import { openCollectorStore, type CollectorStore } from '../../electron/node-collector/collector-store.js';
import { startCollectorServer, type RunningCollector } from '../../electron/node-collector/server.js';
import { TokenBook, type CollectorTokens } from '../../electron/node-collector/tokens.js';
import type { Logger } from '../../electron/node-core/log/logger.js';
import type { SyncTiming } from '../../electron/node-core/sync/outbox.js';
import { testClock, type TestClock } from '../unit/fixtures/clock.js';
import { sessionsFor, startTestCore, type TestCore } from '../unit/fixtures/core.js';
import { validSubmission } from '../unit/fixtures/feedback.js';
import { useTempDirs } from '../unit/storage/helpers.js';
import { createDatabase } from './postgres-server.js';

export const token = () => randomBytes(32).toString('hex');

/** A new, empty database on the shared server; each test gets its own. */
export const freshDatabase = (): Promise<string> => createDatabase(inject('postgresUrl'), 't');

export interface TestCollector {
  origin: string;
  store: CollectorStore;
  running: RunningCollector;
  databaseUrl: string;
  tokens: CollectorTokens;
  /** What PostgreSQL holds: every feedback row. */
  rows(): Promise<{ id: string; kiosk_id: string; comment: string | null; topics: number }[]>;
  query<T extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

export async function startTestCollector(kiosks: string[] = ['kiosk-1'], port = 0): Promise<TestCollector> {
  const databaseUrl = await freshDatabase();
  const tokens: CollectorTokens = { kiosks: kiosks.map((kioskId) => ({ kioskId, token: token() })), reportToken: token() };
  const store = await openCollectorStore(databaseUrl);
  const running = await startCollectorServer({ store, tokens: new TokenBook(tokens), logger: pino({ level: 'silent' }), port });
  const inspector = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  const query = async <T extends pg.QueryResultRow>(text: string, params: unknown[] = []) => (await inspector.query<T>(text, params)).rows;
  const collector: TestCollector = {
    origin: running.origin,
    store,
    running,
    databaseUrl,
    tokens,
    query,
    rows: () =>
      query(`SELECT f.id::text, f.kiosk_id, f.comment, (SELECT count(*)::int FROM feedback_topics t WHERE t.feedback_id = f.id) AS topics
             FROM feedback f ORDER BY f.id`),
    async close() {
      await running.close();
      await store.close();
      await inspector.end().catch(() => {}); // a test may have dropped its database
    },
  };
  cleanups.push(() => collector.close());
  return collector;
}

export function tokenFor(collector: TestCollector, kioskId: string): string {
  return collector.tokens.kiosks.find((k) => k.kioskId === kioskId)!.token;
}

/** Test timings: short enough that nothing waits long, with the real back-off shape. */
export const FAST_SYNC: Partial<SyncTiming> = { timeoutMs: 1500, baseDelayMs: 20, maxDelayMs: 400, idleIntervalMs: 60_000, afterSubmitMs: 10 };

export interface TestKiosk extends TestCore {
  kioskId: string;
  dataDir: string;
  /** Stores `count` feedback rows directly, as submits would; returns their ids. */
  seed(count: number): string[];
  syncedIds(): string[];
}

const tempDir = useTempDirs('kiosk-sync-');

/**
 * A kiosk core set up for sync by an admin (endpoint and token through the API). Background sync
 * is off unless `timing` is given, so tests drive passes with syncNow().
 */
export async function startSyncKiosk(options: {
  kioskId: string;
  endpoint: string;
  token: string;
  timing?: Partial<SyncTiming>;
  clock?: TestClock;
  logger?: Logger;
}): Promise<TestKiosk> {
  const dataDir = tempDir();
  const test = startTestCore(dataDir, { clock: options.clock ?? testClock(), syncTiming: options.timing ?? false, logger: options.logger });
  cleanups.push(() => test.close());
  const { admin } = await sessionsFor(test.client);
  const settings = await test.client.getSettings({ session: admin });
  await test.client.updateSettings({ session: admin, settings: { ...settings, kioskId: options.kioskId, syncEndpoint: options.endpoint } });
  await test.client.setSyncToken({ session: admin, token: options.token });
  const store = () => test.core.feedback.database!;
  return {
    ...test,
    kioskId: options.kioskId,
    dataDir,
    seed(count) {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const submission = validSubmission({ comment: i % 3 ? `row ${i}: clear, thank you` : null, worryBefore: 1 + (i % 5) });
        store().feedback.submit(submission, { kioskId: options.kioskId });
        ids.push(submission.id);
      }
      return ids;
    },
    syncedIds: () => [...store().feedback.iterateFeedback()].filter((r) => r.syncedAt !== null).map((r) => r.id),
  };
}

/** A valid row as a kiosk would send it. */
export function syncRow(kioskId: string, overrides: Partial<SyncRow> = {}): SyncRow {
  return { ...validSubmission(), kioskId, createdAt: '2026-11-18T10:15:00.000Z', partial: false, ...overrides } as SyncRow;
}

/** POSTs rows to the collector as a kiosk would, without the outbox. */
export async function postRows(origin: string, token: string, rows: unknown[], key: string = randomUUID()) {
  const response = await fetch(new URL('v1/batches', origin), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify({ protocolVersion: SYNC_PROTOCOL_VERSION, rows }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
