/**
 * Crash during sync: a real kiosk process (`clinic-kiosk sync`, compiled) is SIGKILLed while the
 * collector has committed a batch and the answer is still on its way. After a restart the rows
 * converge: every row in PostgreSQL exactly once, every row synced at the kiosk, none lost.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspect } from '../unit/storage/helpers.js';
import { startFaultProxy } from './fault-proxy.js';
import { startSyncKiosk, startTestCollector, tokenFor } from './harness.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
let outDir: string;

beforeAll(() => {
  // Under dist/ so the package root and node_modules resolve as in a real build.
  mkdirSync(join(repo, 'dist'), { recursive: true });
  outDir = mkdtempSync(join(repo, 'dist', 'sync-crash-test-'));
  execFileSync(join(repo, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.node.json', '--outDir', outDir, '--sourceMap', 'false'], { cwd: repo });
}, 90_000);
afterAll(() => outDir && rmSync(outDir, { recursive: true, force: true }));

function startSync(dataDir: string) {
  const child = spawn(process.execPath, [join(outDir, 'cli', 'main.js'), 'sync', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
  return { child, exited, stdout: () => stdout };
}

const syncedAtKiosk = (dataDir: string) =>
  inspect(join(dataDir, 'kiosk.db'), (db) => db.prepare('SELECT id FROM feedback WHERE synced_at IS NOT NULL ORDER BY id').pluck().all() as string[]);

describe('crash during sync', () => {
  it('converges after the kiosk process is killed between the commit and the answer', async () => {
    const collector = await startTestCollector(['lobby-1']);
    const proxy = await startFaultProxy(collector.origin);
    const kiosk = await startSyncKiosk({ kioskId: 'lobby-1', endpoint: proxy.origin, token: tokenFor(collector, 'lobby-1') });
    const ids = kiosk.seed(1_200);
    kiosk.close(); // the kiosk process below owns the database now

    proxy.plan('pass', 'hold');
    const first = startSync(kiosk.dataDir);
    await proxy.held(); // batch 2 is committed in PostgreSQL; its answer is held back
    first.child.kill('SIGKILL');
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    proxy.release();

    const held = (await collector.rows()).map((r) => r.id);
    expect(held.length).toBe(1_000);
    const synced = syncedAtKiosk(kiosk.dataDir);
    expect(synced.length).toBe(500); // only the acknowledged batch
    expect(synced.every((id) => held.includes(id))).toBe(true);

    const second = startSync(kiosk.dataDir);
    expect((await second.exited).code).toBe(0);
    expect(second.stdout()).toContain('Sent 700 rows, acknowledged 700, set aside 0.\nPending: 0.');
    expect((await collector.rows()).map((r) => r.id)).toEqual([...ids].sort());
    const [{ count }] = (await collector.query<{ count: number }>('SELECT count(*)::int AS count FROM feedback_topics')) as [{ count: number }];
    expect(count).toBe(2_400);
    expect(syncedAtKiosk(kiosk.dataDir)).toEqual([...ids].sort());
    await proxy.close();
  });
});
