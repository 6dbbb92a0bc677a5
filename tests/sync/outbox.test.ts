/**
 * The outbox's rules: back-off with jitter up to the cap, Retry-After honoured, a 4xx refusal
 * sets the batch aside (staff are told, no endless retry), the token is never logged or exported.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { exportFeedback } from '../../electron/node-core/export/write-export.js';
import { silentLogger } from '../../electron/node-core/log/logger.js';
import { applyRetention } from '../../electron/node-core/staff/retention.js';
import { retryDelayMs } from '../../electron/node-core/sync/backoff.js';
import { parseRetryAfter } from '../../electron/node-core/sync/post-batch.js';
import { testClock } from '../unit/fixtures/clock.js';
import { inspect } from '../unit/storage/helpers.js';
import { ADMIN_PIN, capturingLogger, unlock } from '../unit/fixtures/core.js';
import { startFaultProxy } from './fault-proxy.js';
import { FAST_SYNC, postRows, startSyncKiosk, startTestCollector, syncRow, token, tokenFor } from './harness.js';
import { until } from '../support/until.js';

describe('back-off', () => {
  const settings = { baseDelayMs: 10_000, maxDelayMs: 15 * 60_000 };

  it('doubles from the base, jittered within the upper half of each step, and stops at the cap', () => {
    const low = (n: number) => retryDelayMs(n, null, settings, () => 0);
    const high = (n: number) => retryDelayMs(n, null, settings, () => 0.999999);
    expect([1, 2, 3, 4].map(low)).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(high(1)).toBeCloseTo(10_000, -1);
    expect(high(3)).toBeCloseTo(40_000, -1);
    expect(high(30)).toBeLessThanOrEqual(15 * 60_000);
    expect(low(30)).toBe(7.5 * 60_000);
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(5, null, settings)));
    expect(spread.size).toBeGreaterThan(40); // kiosks that failed together do not retry together
  });

  it('waits at least as long as Retry-After asks, but never past the cap', () => {
    expect(retryDelayMs(1, 120_000, settings, () => 0)).toBe(120_000);
    expect(retryDelayMs(1, 3_600_000, settings, () => 0)).toBe(15 * 60_000);
    const now = new Date('2026-11-29T10:00:00.000Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Sun, 29 Nov 2026 10:02:00 GMT', now)).toBe(120_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});

describe('outbox', () => {
  it('schedules the next try after a 429 no sooner than its Retry-After', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const proxy = await startFaultProxy(collector.origin);
    proxy.retryAfterSeconds = 7;
    const clock = testClock();
    const kiosk = await startSyncKiosk({
      kioskId: 'lobby-1',
      endpoint: proxy.origin,
      token: tokenFor(collector, 'lobby-1'),
      clock,
      timing: { ...FAST_SYNC, maxDelayMs: 60_000 },
    });
    kiosk.seed(3);
    proxy.plan('rate-limit');
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'retry', message: 'the collector answered 429' });
    const next = kiosk.core.sync.status(kiosk.core.feedback.database!).nextAttemptAt!;
    expect(new Date(next).getTime() - clock.now().getTime()).toBe(7_000);
    expect(kiosk.syncedIds()).toEqual([]);
    kiosk.core.sync.stop();
    await proxy.close();
  });

  it('sets a refused batch aside with an incident for staff, does not retry it, and a new token releases it', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: collector.origin, token: token() }); // a token the collector does not know
    kiosk.seed(12);
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'done', sent: 12, acknowledged: 0, quarantined: 12 });
    // Nothing is pending, so the next pass sends nothing: no endless retry.
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'done', sent: 0 });
    const admin = await unlock(kiosk.client, ADMIN_PIN);
    const status = await kiosk.client.getStaffStatus({ session: admin });
    expect(status.incidents[0]).toMatchObject({ kind: 'sync', message: expect.stringContaining('refused 12 feedback rows') });
    expect(await kiosk.client.getSyncStatus({ session: admin })).toMatchObject({ pending: 0, quarantined: 12, tokenSet: true });

    await kiosk.client.setSyncToken({ session: admin, token: tokenFor(collector, 'lobby-1') });
    const now = await kiosk.client.syncNow({ session: admin });
    expect(now).toMatchObject({ outcome: 'done', acknowledged: 12, status: { pending: 0, quarantined: 0 } });
    expect((await collector.rows()).length).toBe(12);
  });

  it('sets aside the rows a 200 answer leaves out (an id held for another kiosk), keeps the rest, and goes on', async () => {
    const collector = await startTestCollector(['lobby-1', 'lobby-2']);
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: collector.origin, token: tokenFor(collector, 'lobby-1') });
    const ids = kiosk.seed(5);
    const taken = ids[2]!;
    expect((await postRows(collector.origin, tokenFor(collector, 'lobby-2'), [syncRow('lobby-2', { id: taken })])).status).toBe(200);

    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'done', sent: 5, acknowledged: 4, quarantined: 1 });
    expect(kiosk.syncedIds().sort()).toEqual(ids.filter((id) => id !== taken).sort());
    const admin = await unlock(kiosk.client, ADMIN_PIN);
    expect((await kiosk.client.getStaffStatus({ session: admin })).incidents[0]).toMatchObject({ kind: 'sync', message: expect.stringContaining('set aside') });
    expect(kiosk.core.feedback.database!.incidents.list()[0]!.detail).toContain('the collector did not take these rows');
    expect(await kiosk.client.getSyncStatus({ session: admin })).toMatchObject({ pending: 0, quarantined: 1, lastError: null });

    // Later rows are not held up behind it.
    const later = kiosk.seed(3);
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'done', sent: 3, acknowledged: 3 });
    expect(kiosk.syncedIds()).toEqual(expect.arrayContaining(later));
    const held = (await collector.rows()).filter((row) => row.id === taken);
    expect(held).toEqual([expect.objectContaining({ kiosk_id: 'lobby-2' })]);
  });

  it('refuses a plain-http endpoint that is not this computer, at settings time, with a clear message', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: collector.origin, token: tokenFor(collector, 'lobby-1') });
    const admin = await unlock(kiosk.client, ADMIN_PIN);
    const settings = await kiosk.client.getSettings({ session: admin });
    await expect(
      kiosk.client.updateSettings({ session: admin, settings: { ...settings, syncEndpoint: 'http://collector.clinic.example/' } }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'settings.syncEndpoint',
      message: expect.stringContaining('must start with https://'),
    });
    for (const ok of ['https://collector.clinic.example/', 'http://localhost:8080/', 'http://127.0.0.1:9/', 'http://[::1]:8080/']) {
      expect((await kiosk.client.updateSettings({ session: admin, settings: { ...settings, syncEndpoint: ok } })).syncEndpoint).toBe(ok);
    }
  });

  it('keeps the token out of the log, the API and exports', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const secret = tokenFor(collector, 'lobby-1');
    const log = capturingLogger();
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: collector.origin, token: secret, timing: FAST_SYNC, logger: log.logger });
    kiosk.seed(5);
    kiosk.core.sync.notify();
    await until('the background pass', () => kiosk.syncedIds().length === 5, 10_000);
    expect(log.lines()).toContainEqual(expect.objectContaining({ event: 'sync', outcome: 'done', sent: 5, acknowledged: 5 }));
    expect(log.lines()).toContainEqual(expect.objectContaining({ event: 'sync-token' }));
    expect(log.text()).not.toContain(secret);
    const admin = await unlock(kiosk.client, ADMIN_PIN);
    const answers = JSON.stringify([await kiosk.client.getSyncStatus({ session: admin }), await kiosk.client.getSettings({ session: admin })]);
    expect(answers).not.toContain(secret);
    for (const format of ['json', 'csv'] as const) {
      const file = join(kiosk.dataDir, `export.${format}`);
      const written = await exportFeedback(kiosk.core.feedback.database!.feedback, { format, onlyUnexported: false, coarsenToHour: false }, file, {
        kioskId: 'lobby-1',
        now: () => new Date(),
        topics: [],
      });
      expect(written.rows).toBe(5);
      expect(readFileSync(file, 'utf8')).not.toContain(secret);
    }
    // It lives in the credentials file beside the PIN hashes, not in the feedback database that a
    // quarantine would set aside and an export reads.
    expect(inspect(join(kiosk.dataDir, 'kiosk.db'), (db) => JSON.stringify(db.prepare('SELECT * FROM settings').all()))).not.toContain(secret);
    expect(inspect(join(kiosk.dataDir, 'credentials.db'), (db) => db.prepare("SELECT value FROM credentials WHERE key = 'sync.token'").pluck().get())).toBe(
      JSON.stringify(secret),
    );
  });

  it('lets retention delete a row only once the collector has acknowledged it', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const proxy = await startFaultProxy(collector.origin);
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: proxy.origin, token: tokenFor(collector, 'lobby-1') });
    const store = kiosk.core.feedback.database!;
    const ids = kiosk.seed(4);
    const later = new Date(kiosk.clock.now().getTime() + 400 * 24 * 3600 * 1000);
    expect(store.feedback.markExported([1, 2, 3, 4], kiosk.clock.now())).toBe(4); // exported, but not yet in PostgreSQL
    proxy.plan('drop-after'); // the collector commits, the kiosk never hears it
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'retry', acknowledged: 0 });
    expect(applyRetention(store.feedback, { retentionDays: 30, syncEndpoint: proxy.origin }, later, silentLogger())).toBe(0);
    expect(await kiosk.core.sync.syncNow()).toMatchObject({ outcome: 'done', acknowledged: 4 });
    expect(applyRetention(store.feedback, { retentionDays: 30, syncEndpoint: proxy.origin }, later, silentLogger())).toBe(4);
    expect((await collector.rows()).map((r) => r.id).sort()).toEqual([...ids].sort());
    await proxy.close();
  });
});
