/** The collector on its own: storing batches exactly once, health, the managers' report. */
import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { postRows, startTestCollector, syncRow, tokenFor } from './harness.js';

describe('collector', () => {
  it('stores a batch once, and acknowledges every id again when it is re-sent', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const token = tokenFor(collector, 'lobby-1');
    const rows = [syncRow('lobby-1'), syncRow('lobby-1', { comment: null, topicHelpful: {} })];
    const first = await postRows(collector.origin, token, rows, 'batch-key-0000000001');
    expect(first).toEqual({ status: 200, body: { protocolVersion: 1, acknowledged: expect.arrayContaining(rows.map((r) => r.id)) } });
    const again = await postRows(collector.origin, token, rows, 'batch-key-0000000001');
    expect(again.status).toBe(200);
    expect((again.body.acknowledged as string[]).sort()).toEqual(rows.map((r) => r.id).sort());
    const stored = await collector.rows();
    expect(stored.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
    expect(stored.find((r) => r.id === rows[0]!.id)).toMatchObject({ kiosk_id: 'lobby-1', comment: rows[0]!.comment, topics: 2 });
    const [batch] = await collector.query<{ times_seen: number }>('SELECT times_seen FROM sync_batches');
    expect(batch!.times_seen).toBe(2);
  });

  it('refuses an Idempotency-Key reused for different rows, and stores nothing of them', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const token = tokenFor(collector, 'lobby-1');
    await postRows(collector.origin, token, [syncRow('lobby-1')], 'reused-key-000000001');
    const other = syncRow('lobby-1');
    const answer = await postRows(collector.origin, token, [other], 'reused-key-000000001');
    expect(answer).toMatchObject({ status: 422, body: { error: { code: 'idempotency_conflict' } } });
    expect((await collector.rows()).map((r) => r.id)).not.toContain(other.id);
  });

  it('does not acknowledge to one kiosk a row id that another kiosk stored', async () => {
    const collector = await startTestCollector(['lobby-1', 'lobby-2']);
    const row = syncRow('lobby-1');
    await postRows(collector.origin, tokenFor(collector, 'lobby-1'), [row]);
    const copy = await postRows(collector.origin, tokenFor(collector, 'lobby-2'), [{ ...row, kioskId: 'lobby-2' }]);
    expect(copy).toEqual({ status: 200, body: { protocolVersion: 1, acknowledged: [] } });
    expect(await collector.rows()).toEqual([expect.objectContaining({ id: row.id, kiosk_id: 'lobby-1' })]);
  });

  it('answers /health while PostgreSQL does, and 503 with Retry-After to batches when it does not', async () => {
    const collector = await startTestCollector();
    const response = await fetch(new URL('health', collector.origin));
    expect([response.status, await response.json()]).toEqual([200, { status: 'ok' }]);

    // The database goes away under the running collector.
    const admin = new pg.Client({ connectionString: inject('postgresUrl') });
    await admin.connect();
    await admin.query(`DROP DATABASE ${new URL(collector.databaseUrl).pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
    const health = await fetch(new URL('health', collector.origin));
    expect(health.status).toBe(503);
    const batch = await fetch(new URL('v1/batches', collector.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(collector, 'kiosk-1')}`, 'idempotency-key': 'down-key-00000000001' },
      body: JSON.stringify({ protocolVersion: 1, rows: [syncRow('kiosk-1')] }),
    });
    expect([batch.status, batch.headers.get('retry-after'), await batch.json()]).toEqual([
      503,
      '30',
      { error: { code: 'unavailable', message: 'the database is unavailable; try again later' } },
    ]);
  });

  it('shows managers a per-kiosk, per-week report with CSV, behind the report token, comments as text', async () => {
    const collector = await startTestCollector(['lobby-1', 'lobby-2']);
    await postRows(collector.origin, tokenFor(collector, 'lobby-1'), [
      syncRow('lobby-1', { worryBefore: 5, worryAfter: 2, overallHelpfulness: 4, comment: '<script>alert(1)</script> kind staff' }),
      syncRow('lobby-1', { worryBefore: 3, worryAfter: null, overallHelpfulness: null, answeredQuestions: null, topicHelpful: { summary: false } }),
      syncRow('lobby-1', { createdAt: '2026-11-25T08:00:00.000Z', worryBefore: 2, worryAfter: 1, overallHelpfulness: 3 }),
    ]);
    await postRows(collector.origin, tokenFor(collector, 'lobby-2'), [syncRow('lobby-2', { worryBefore: 1, worryAfter: 1 })]);

    expect((await fetch(new URL('report', collector.origin))).status).toBe(401);
    const kioskToken = await fetch(new URL('report', collector.origin), { headers: { authorization: `Bearer ${tokenFor(collector, 'lobby-1')}` } });
    expect(kioskToken.status).toBe(401);

    const basic = `Basic ${Buffer.from(`manager:${collector.tokens.reportToken}`).toString('base64')}`;
    const html = await (await fetch(new URL('report', collector.origin), { headers: { authorization: basic } })).text();
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; kind staff');
    expect(html).not.toContain('<script>');

    const csvResponse = await fetch(new URL('report.csv', collector.origin), { headers: { authorization: `Bearer ${collector.tokens.reportToken}` } });
    expect(csvResponse.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await csvResponse.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(',');
    const row = (kiosk: string, week: string) =>
      Object.fromEntries(
        lines
          .map((l) => l.split(','))
          .find((c) => c[0] === kiosk && c[1] === week)!
          .map((v, i) => [header[i], v]),
      );
    // The week of Monday 16 November: two feedbacks at lobby-1.
    expect(row('lobby-1', '2026-11-16')).toMatchObject({
      feedback: '2',
      'worry before (mean)': '4',
      'worry after (mean)': '2',
      'both worry answers': '1',
      'worry change (mean)': '-3',
      'helpfulness (mean)': '4',
      'helpfulness 4': '1',
      'helpfulness 5': '0',
      'helpfulness skipped': '1',
      // The worry distributions and skips, like the kiosk dashboard's.
      'worry before 3': '1',
      'worry before 5': '1',
      'worry before 1': '0',
      'worry before skipped': '0',
      'worry after 2': '1',
      'worry after skipped': '1',
      'questions answered: partly': '1',
      'questions answered: yes': '0',
      'questions answered: no': '0',
      'questions answered: skipped': '1',
      'summary: helpful': '1',
      'summary: not helpful': '1',
      'safety: not helpful': '1',
    });
    expect(row('lobby-1', '2026-11-23')).toMatchObject({ feedback: '1', 'worry change (mean)': '-1' });
    expect(row('lobby-2', '2026-11-16')).toMatchObject({
      feedback: '1',
      'worry change (mean)': '0',
      'worry before 1': '1',
      'worry after 1': '1',
      'questions answered: partly': '1',
    });
    // The page shows the same columns.
    for (const column of ['worry before 5', 'worry after skipped', 'helpfulness skipped', 'questions answered: partly'])
      expect(html).toContain(`<th scope="col">${column}</th>`);
  });
});
