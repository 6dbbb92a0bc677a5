/**
 * Issue 7, item 3: a row counts as exported only once its file was delivered. Over HTTP that is
 * when the download's last byte was sent: an unused, expired or aborted link, or a restart, leaves
 * the rows unexported (offered again by "only unexported", kept by retention). Real server on
 * 127.0.0.1, real downloads, a real second process.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { TICKET_LIFETIME_MS } from '../../../electron/node-core/export/download-tickets.js';
import { testClock } from '../fixtures/clock.js';
import { startKioskCore } from '../../../electron/node-core/kiosk-core.js';
import { ADMIN_PIN, testCoreOptions } from '../fixtures/core.js';
import { testShell } from '../fixtures/shell.js';
import { validSubmission } from '../fixtures/feedback.js';
import { adminSessionOn, useTestServers, type TestServer } from '../http/kiosk-server.js';
import { useTempDirs } from '../storage/helpers.js';
import { outcomeOf, stagedPath, stagingFolder } from './helpers.js';

const tempDir = useTempDirs('kiosk-delivery-');

const startServer = useTestServers();

const unexported = (running: TestServer) => [...running.core.feedback.database!.feedback.iterateFeedback({ onlyUnexported: true })].length;

/** Enough rows (about 25 MB of CSV) that loopback socket buffers cannot swallow the whole file. */
function seedMany(running: TestServer, rows: number): void {
  const db = new Database(running.core.feedback.database!.file);
  db.exec(`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
    INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, comment)
    SELECT printf('%08x-0000-4000-8000-%012x', i, i), '2026-11-01T10:00:00.000Z', 'kiosk-1', '1.0.0', 'en', printf('%.400c', 'x')
    FROM n;`);
  db.close();
}

describe('an export counts as delivered', () => {
  it('only when the download sent its last byte; an unused link marks nothing', async () => {
    const server = await startServer({ clock: testClock() });
    const session = await adminSessionOn(server);
    for (let i = 0; i < 3; i++) await server.call('submitFeedback', validSubmission());
    const prepared = outcomeOf('download', await server.call('prepareExport', { session, format: 'csv', destination: 'download', onlyUnexported: true }));
    expect(prepared.rows).toBe(3);
    expect(unexported(server)).toBe(3); // staged is not delivered
    expect(statSync(stagedPath(server, prepared.fileName)).mode & 0o777).toBe(0o600);
    expect(statSync(stagingFolder(server)).mode & 0o777).toBe(0o700);
    // A second export of "only unexported" still offers the same rows.
    expect(outcomeOf('download', await server.call('prepareExport', { session, format: 'json', destination: 'download', onlyUnexported: true })).rows).toBe(3);

    const response = await fetch(new URL(prepared.downloadUrl, server.shell.origin));
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    await vi.waitFor(() => expect(unexported(server)).toBe(0));
  });

  it('not when the download is aborted half-way', async () => {
    const server = await startServer({ clock: testClock() });
    const session = await adminSessionOn(server);
    const ROWS = 50_000;
    seedMany(server, ROWS);
    const prepared = outcomeOf('download', await server.call('prepareExport', { session, format: 'csv', destination: 'download' }));
    expect(prepared.rows).toBe(ROWS);
    const staged = stagedPath(server, prepared.fileName);

    const received = await new Promise<number>((resolve, reject) => {
      const request = get(new URL(prepared.downloadUrl, server.shell.origin), (response) => {
        expect(response.statusCode).toBe(200);
        response.once('data', (chunk: Buffer) => {
          // Stop reading, then hang up, as a browser whose download was cancelled does.
          response.pause();
          request.destroy();
          resolve(chunk.length);
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    expect(received).toBeLessThan(Number(25e6));
    // The server notices the hang-up, deletes the staged file, and marks nothing.
    await vi.waitFor(() => expect(existsSync(staged)).toBe(false), { timeout: 10_000 });
    expect(unexported(server)).toBe(ROWS);
    // The link is spent; a new export offers every row again.
    expect((await fetch(new URL(prepared.downloadUrl, server.shell.origin))).status).toBe(404);
    expect(outcomeOf('download', await server.call('prepareExport', { session, format: 'csv', destination: 'download', onlyUnexported: true })).rows).toBe(
      ROWS,
    );
  }, 60_000);

  it('not when the link expired, and retention keeps those rows', async () => {
    const clock = testClock(new Date('2026-11-20T15:00:00.000Z'));
    const server = await startServer({ clock });
    const session = await adminSessionOn(server);
    await server.call('submitFeedback', validSubmission());
    const prepared = outcomeOf('download', await server.call('prepareExport', { session, format: 'ndjson', destination: 'download' }));
    clock.advance(TICKET_LIFETIME_MS);
    expect((await fetch(new URL(prepared.downloadUrl, server.shell.origin))).status).toBe(404);
    expect(unexported(server)).toBe(1);

    const settings = await server.call('getSettings', { session });
    await server.call('updateSettings', { session, settings: { ...settings, retentionDays: 30 } });
    clock.advance(40 * 24 * 60 * 60 * 1000);
    const later = (await server.call('unlockStaff', { pin: ADMIN_PIN })).session;
    expect(await server.call('runRetention', { session: later })).toEqual({ deleted: 0 });
    expect(server.core.feedback.database!.feedback.countTotal()).toBe(1);
  });

  it('not across a restart: the staged file goes, the rows stay unexported', async () => {
    const server = await startServer();
    const session = await adminSessionOn(server);
    await server.call('submitFeedback', validSubmission());
    const prepared = outcomeOf('download', await server.call('prepareExport', { session, format: 'csv', destination: 'download' }));
    const folder = stagingFolder(server);
    expect(readdirSync(folder)).toContain(prepared.fileName);
    const { dataDir } = server;
    server.core.close();
    expect(existsSync(folder)).toBe(false);

    const again = startKioskCore(testCoreOptions(dataDir, { shell: testShell({ servesDownloads: true }) }));
    expect([...again.feedback.database!.feedback.iterateFeedback({ onlyUnexported: true })]).toHaveLength(1);
    again.close();
  });
});

describe('staging folders', () => {
  it('belong to their process: a kiosk starting up leaves a running one’s files alone and clears a dead one’s', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60_000)'], { stdio: 'ignore' });
    try {
      const dataDir = tempDir();
      const first = await startServer({ dataDir });
      const root = join(dataDir, 'exports');
      const live = join(root, `${other.pid}-0a0b0c0d`);
      mkdirSync(live, { recursive: true });
      writeFileSync(join(live, 'staged.csv'), 'id\r\n');
      writeFileSync(join(root, 'loose-from-an-older-version.csv'), 'id\r\n');
      await first.stop();

      const second = await startServer({ dataDir });
      expect(readdirSync(root)).toEqual([`${other.pid}-0a0b0c0d`]);
      expect(readdirSync(live)).toEqual(['staged.csv']);

      const exited = new Promise((resolve) => other.once('exit', resolve));
      other.kill();
      await exited;
      await second.stop();
      await startServer({ dataDir });
      expect(existsSync(live)).toBe(false);
    } finally {
      other.kill();
    }
  });
});
