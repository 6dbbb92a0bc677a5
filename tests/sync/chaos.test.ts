/**
 * The kiosk's outbox against a real collector behind a fault proxy. Whatever the network does,
 * PostgreSQL ends with every row exactly once, and the kiosk never marks a row synced that the
 * collector did not acknowledge.
 */
import { describe, expect, it } from 'vitest';
import { startFaultProxy, type Fault } from './fault-proxy.js';
import { FAST_SYNC, startSyncKiosk, startTestCollector, tokenFor, type TestCollector, type TestKiosk } from './harness.js';
import { until } from '../support/until.js';

/** Every row the kiosk calls synced is in PostgreSQL, for this kiosk. */
async function expectSyncedSubsetOfCollector(kiosk: TestKiosk, collector: TestCollector): Promise<void> {
  const held = new Set((await collector.rows()).filter((r) => r.kiosk_id === kiosk.kioskId).map((r) => r.id));
  const strays = kiosk.syncedIds().filter((id) => !held.has(id));
  expect(strays).toEqual([]);
}

async function expectExactlyOnce(collector: TestCollector, ids: string[]): Promise<void> {
  const rows = await collector.rows();
  expect(rows.map((r) => r.id).sort()).toEqual([...ids].sort());
  const [{ count }] = (await collector.query<{ count: number }>('SELECT count(*)::int AS count FROM feedback_topics')) as [{ count: number }];
  expect(count).toBe(ids.length * 2);
}

describe('sync under faults', () => {
  it('converges through 500s, hangs, drops after commit, 429s and a trickle', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const proxy = await startFaultProxy(collector.origin);
    const kiosk = await startSyncKiosk({
      kioskId: 'lobby-1',
      endpoint: proxy.origin,
      token: tokenFor(collector, 'lobby-1'),
      timing: { ...FAST_SYNC, idleIntervalMs: 3_600_000 },
    });
    kiosk.core.sync.stop(); // passes are driven by hand here; the background schedule has its own test
    const ids = kiosk.seed(1_234); // three batches: 500, 500, 234
    const faults: Fault[] = ['error-500', 'pass', 'hang', 'drop-after', 'rate-limit', 'pass', 'trickle', 'drop-after', 'error-500'];
    proxy.plan(...faults);

    const outcomes: string[] = [];
    for (let pass = 0; pass < 20 && kiosk.syncedIds().length < ids.length; pass++) {
      const result = await kiosk.core.sync.syncNow();
      outcomes.push(result!.outcome);
      await expectSyncedSubsetOfCollector(kiosk, collector);
    }
    expect(proxy.seen.slice(0, faults.length)).toEqual(faults);
    expect(outcomes).toContain('retry');
    expect(outcomes.at(-1)).toBe('done');
    expect(kiosk.syncedIds().sort()).toEqual([...ids].sort());
    await expectExactlyOnce(collector, ids);
    const status = await kiosk.client.getSyncStatus({ session: ((await kiosk.client.unlockStaff({ pin: '246800' })) as { session: string }).session });
    expect(status).toMatchObject({ pending: 0, quarantined: 0, lastError: null });
    await proxy.close();
  });

  it('a drop after commit leaves the rows unsynced at the kiosk, and the re-send stores nothing twice', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const proxy = await startFaultProxy(collector.origin);
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: proxy.origin, token: tokenFor(collector, 'lobby-1') });
    const ids = kiosk.seed(30);
    proxy.plan('drop-after');
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'retry', sent: 30, acknowledged: 0 });
    expect(kiosk.syncedIds()).toEqual([]);
    expect((await collector.rows()).length).toBe(30); // the collector did commit
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'done', sent: 30, acknowledged: 30 });
    await expectExactlyOnce(collector, ids);
    const [{ times_seen }] = (await collector.query<{ times_seen: number }>('SELECT times_seen FROM sync_batches')) as [{ times_seen: number }];
    expect(times_seen).toBe(2); // the same Idempotency-Key both times
    await proxy.close();
  });

  it('catches up by itself after being offline, backing off meanwhile', async () => {
    const collector = await startTestCollector(['lobby-1']);
    // Start the proxy only to learn a free port, then close it: connections are refused there.
    const first = await startFaultProxy(collector.origin);
    const port = first.port;
    await first.close();
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: `http://127.0.0.1:${port}/`, token: tokenFor(collector, 'lobby-1'), timing: FAST_SYNC });
    const ids = kiosk.seed(40);
    kiosk.core.sync.notify();
    const store = kiosk.core.feedback.database!;
    await until('a failed pass', () => kiosk.core.sync.status(store).lastError !== null, 10_000);
    expect(kiosk.core.sync.status(store).lastError!.message).toMatch(/could not be reached/);
    expect(kiosk.syncedIds()).toEqual([]);
    // A patient can still submit while offline; the row waits in the outbox.
    const late = kiosk.seed(1);
    const proxy = await startFaultProxy(collector.origin, port);
    await until('the catch-up', () => kiosk.syncedIds().length === 41, 15_000);
    await expectExactlyOnce(collector, [...ids, ...late]);
    await until('the error to clear', () => kiosk.core.sync.status(store).lastError === null, 5_000);
    await proxy.close();
  });

  it('two kiosks syncing at once through one collector do not interfere', async () => {
    const collector = await startTestCollector(['lobby-1', 'upstairs']);
    const proxy = await startFaultProxy(collector.origin);
    const one = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: proxy.origin, token: tokenFor(collector, 'lobby-1') });
    const two = await startSyncKiosk({ kioskId: 'upstairs', endpoint: proxy.origin, token: tokenFor(collector, 'upstairs') });
    const ids = { one: one.seed(700), two: two.seed(650) };
    proxy.plan('drop-after', 'error-500', 'pass', 'drop-after');
    for (let round = 0; round < 10 && (one.syncedIds().length < 700 || two.syncedIds().length < 650); round++) {
      await Promise.all([one.core.sync.syncNow(), two.core.sync.syncNow()]);
    }
    await expectExactlyOnce(collector, [...ids.one, ...ids.two]);
    const byKiosk = await collector.query<{ kiosk_id: string; n: number }>('SELECT kiosk_id, count(*)::int AS n FROM feedback GROUP BY 1 ORDER BY 1');
    expect(byKiosk).toEqual([
      { kiosk_id: 'lobby-1', n: 700 },
      { kiosk_id: 'upstairs', n: 650 },
    ]);
    expect(one.syncedIds().length).toBe(700);
    expect(two.syncedIds().length).toBe(650);
    await proxy.close();
  });
});
