/** Export file names: the kiosk and the date range at a glance, e.g. `clinic-kiosk_lobby-1_2026-11-01_to_2026-11-29.csv`. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ExportFormat } from '../../common/api/staff.js';
import { manifestFileFor } from './write-export.js';

/** `all` stands for an open end; both ends open is just `all`. */
export function exportFileName(kioskId: string, since: string | undefined, until: string | undefined, format: ExportFormat): string {
  const range = since || until ? `${since ?? 'all'}_to_${until ?? 'all'}` : 'all';
  return `clinic-kiosk_${kioskId}_${range}.${format}`;
}

/**
 * `name` in `dir`, or `name-2`, `name-3`, … when that is taken (by the file or its manifest): an
 * earlier export of the same range, e.g. of other not-yet-exported rows, is never overwritten.
 */
export function freeFileName(dir: string, name: string): string {
  const dot = name.lastIndexOf('.');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name.slice(0, dot)}-${n}${name.slice(dot)}`;
    if (!existsSync(join(dir, candidate)) && !existsSync(join(dir, manifestFileFor(candidate)))) return candidate;
  }
}
