/**
 * Issue 12, measure 8: a 100,000-row backlog to the loopback collector, in rows per second. Sync is
 * built elsewhere (issue 10); its benchmark lives in bench/sync.ts and is picked up when it exists.
 */
import { existsSync } from 'node:fs';
import { round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';

interface SyncBench {
  benchSync(options: { rows: number; quick: boolean; tmpDir: string }): Promise<{ rows: number; seconds: number; rowsPerSecond: number }>;
}

/** Where issue 10 puts it: bench/sync.ts or bench/sync/index.ts. */
const candidates = ['../sync.ts', '../sync/index.ts'].map((path) => new URL(path, import.meta.url));

export async function measureSync({ quick, tmpDir }: BenchContext): Promise<Figure[]> {
  const measure = 'Sync';
  const syncBenchFile = candidates.find((file) => existsSync(file));
  if (!syncBenchFile) {
    return [{ key: 'sync.rowsPerSecond', measure, label: 'sync backlog to the loopback collector', value: null, unit: 'rows/s', note: 'not available (no bench/sync.ts yet)' }];
  }
  const { benchSync } = (await import(syncBenchFile.href)) as SyncBench;
  const result = await benchSync({ rows: quick ? 10_000 : 100_000, quick, tmpDir });
  return [
    { key: 'sync.rowsPerSecond', measure, label: `sync backlog to the loopback collector (${result.rows} rows)`, value: Math.round(result.rowsPerSecond), unit: 'rows/s' },
    { key: 'sync.seconds', measure, label: 'sync backlog time', value: round(result.seconds), unit: 's' },
  ];
}
