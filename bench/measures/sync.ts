/**
 * Issue 12, measure 8: a backlog to the loopback collector, in rows per second, with no budget.
 * The benchmark itself is issue 10's bench/sync.ts (it starts its own PostgreSQL, as the postgres
 * user when run as root); this only sizes it: 100,000 rows, 10,000 with --quick.
 */
import { round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';
import { benchSync } from '../sync.js';

export async function measureSync({ quick, tmpDir }: BenchContext): Promise<Figure[]> {
  const measure = 'Sync';
  const result = await benchSync({ rows: quick ? 10_000 : 100_000, quick, tmpDir });
  return [
    {
      key: 'sync.rowsPerSecond',
      measure,
      label: `sync backlog to the loopback collector (${result.rows} rows)`,
      value: Math.round(result.rowsPerSecond),
      unit: 'rows/s',
    },
    { key: 'sync.seconds', measure, label: 'sync backlog time', value: round(result.seconds), unit: 's' },
  ];
}
