/**
 * The sync commands as real processes (the CLI from its sources through tsx, see cli-child.ts): `collector` (tokens from the environment,
 * never argv), `set-sync-token` from standard input, and `sync`.
 *
 * Crash during sync: a real kiosk process (`clinic-kiosk sync`, and the running kiosk,
 * `clinic-kiosk serve` with background sync) is SIGKILLed while the collector has committed a batch
 * and the answer is still on its way. After a restart the rows converge: every row in PostgreSQL
 * exactly once, every row synced at the kiosk, none lost.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnCli, startServe } from '../unit/cli/cli-child.js';
import { inspect } from '../unit/storage/helpers.js';
import { startFaultProxy } from './fault-proxy.js';
import { freshDatabase, startSyncKiosk, startTestCollector, token, tokenFor } from './harness.js';
import { until } from '../support/until.js';

const startSync = (dataDir: string) => spawnCli(['sync', '--data-dir', dataDir]);

const syncedAtKiosk = (dataDir: string) =>
  inspect(join(dataDir, 'kiosk.db'), (db) => db.prepare('SELECT id FROM feedback WHERE synced_at IS NOT NULL ORDER BY id').pluck().all() as string[]);

/** 1,200 rows waiting at a kiosk whose data folder a process below will own, behind a fault proxy
 * that passes the first batch and holds the second batch's answer (after its commit). */
async function backlogBehindHeldBatch() {
  const collector = await startTestCollector(['lobby-1']);
  const proxy = await startFaultProxy(collector.origin);
  const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: proxy.origin, token: tokenFor(collector, 'lobby-1') });
  const ids = kiosk.seed(1_200);
  kiosk.close(); // the kiosk process below owns the database now
  proxy.plan('pass', 'hold');
  return { collector, proxy, dataDir: kiosk.dataDir, all: [...ids].sort() };
}

/** Each row in PostgreSQL exactly once (id is the primary key), with its two topic answers once each. */
async function expectEachRowOnce(collector: Awaited<ReturnType<typeof startTestCollector>>, all: string[]) {
  expect((await collector.rows()).map((r) => r.id)).toEqual(all);
  const [{ count }] = (await collector.query<{ count: number }>('SELECT count(*)::int AS count FROM feedback_topics')) as [{ count: number }];
  expect(count).toBe(2_400);
}

describe('crash during sync', () => {
  it('converges after the kiosk process is killed between the commit and the answer', async () => {
    const { collector, proxy, dataDir, all } = await backlogBehindHeldBatch();
    const first = startSync(dataDir);
    await proxy.held(); // batch 2 is committed in PostgreSQL; its answer is held back
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    proxy.release();

    const held = (await collector.rows()).map((r) => r.id);
    expect(held.length).toBe(1_000);
    const synced = syncedAtKiosk(dataDir);
    expect(synced.length).toBe(500); // only the acknowledged batch
    expect(synced.every((id) => held.includes(id))).toBe(true);

    const second = startSync(dataDir);
    expect((await second.exited).code).toBe(0);
    expect(second.stdout()).toContain('Sent 700 rows, acknowledged 700, set aside 0.\nPending: 0.');
    await expectEachRowOnce(collector, all);
    expect(syncedAtKiosk(dataDir)).toEqual(all);
    await proxy.close();
  });
});

describe('crash during background sync', () => {
  // `serve` runs the kiosk's own timings (DEFAULT_SYNC_TIMING): its first background pass starts
  // 3 s after the start and sends the whole outbox, so no test-only knob is needed.
  it('a running kiosk (serve) killed mid-sync catches up by itself after a restart', async () => {
    const { collector, proxy, dataDir, all } = await backlogBehindHeldBatch();
    const first = await startServe(dataDir);
    await proxy.held(); // batch 2 is committed in PostgreSQL; its answer is held back
    first.child.kill('SIGKILL');
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    proxy.release();
    expect(syncedAtKiosk(dataDir).length).toBe(500); // only the acknowledged batch

    const second = await startServe(dataDir);
    try {
      await until('every row synced at the kiosk', () => syncedAtKiosk(dataDir).length === all.length, 30_000);
      expect(syncedAtKiosk(dataDir)).toEqual(all);
      await expectEachRowOnce(collector, all);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    await proxy.close();
  }, 90_000);
});

describe('sync commands', () => {
  it('collector takes its tokens from the environment, refuses them on the command line, and serves kiosks', async () => {
    const databaseUrl = await freshDatabase();
    const tokens = { kiosks: [{ kioskId: 'lobby-1', token: token() }], reportToken: token() };
    const refused = spawnCli(['collector', '--database-url', databaseUrl, '--token', tokens.kiosks[0]!.token]);
    expect((await refused.exited).code).toBe(2);
    expect(refused.stderr()).toContain("Unknown option '--token'");
    const missing = spawnCli(['collector', '--database-url', databaseUrl], { env: { COLLECTOR_TOKENS: '', COLLECTOR_TOKENS_FILE: '' } });
    expect((await missing.exited).code).toBe(1);
    expect(missing.stderr()).toContain('no tokens');

    const collector = spawnCli(['collector', '--database-url', databaseUrl, '--port', '0'], { env: { COLLECTOR_TOKENS: JSON.stringify(tokens) } });
    await until('the collector to start', () => collector.stdout().includes('Collector ready at '), 20_000);
    const origin = /Collector ready at (\S+)/.exec(collector.stdout())![1]!;
    expect(await (await fetch(new URL('health', origin))).json()).toEqual({ status: 'ok' });

    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: origin, token: 'x'.repeat(32) });
    const ids = kiosk.seed(7);
    kiosk.close();
    const badToken = spawnCli(['set-sync-token', '--data-dir', kiosk.dataDir], { input: 'short\n' });
    expect((await badToken.exited).code).toBe(1);
    expect(badToken.stderr()).toContain('must be 32 to 256 characters');
    const setToken = spawnCli(['set-sync-token', '--data-dir', kiosk.dataDir], { input: `${tokens.kiosks[0]!.token}\n` });
    expect([(await setToken.exited).code, setToken.stdout()]).toEqual([0, 'The sync token is set.\n']);

    const sync = spawnCli(['sync', '--data-dir', kiosk.dataDir]);
    expect((await sync.exited).code).toBe(0);
    expect(sync.stdout()).toBe('Sent 7 rows, acknowledged 7, set aside 0.\nPending: 0. Set aside in total: 0.\n');
    expect(syncedAtKiosk(kiosk.dataDir)).toEqual([...ids].sort());
    const log = readFileSync(join(kiosk.dataDir, 'logs', 'kiosk.log'), 'utf8');
    expect(log).toContain('"event":"sync"');
    expect(log).not.toContain(tokens.kiosks[0]!.token);

    collector.child.kill('SIGTERM');
    expect((await collector.exited).code).toBe(0);
  });
});
