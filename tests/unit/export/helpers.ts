/** Export tests: a store in a temp dir, raw rows written past the store, and exports read back. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PreparedExport } from '../../../electron/common/api/staff.js';
import { exportFeedback, type ExportOptions, type WrittenExport } from '../../../electron/node-core/export/write-export.js';
import type { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';

export const EXPORT_CLOCK = () => new Date('2026-11-29T12:00:00.000Z');

/** Inserts feedback exactly as given, without the store's checks, trimming and scrubbing. */
export function insertRaw(file: string, rows: { id: string; createdAt: string; comment: string | null }[]): void {
  const db = new Database(file);
  const insert = db.prepare("INSERT INTO feedback (id, created_at, kiosk_id, content_version, locale, comment) VALUES (?, ?, 'kiosk-1', '1.0.0', 'en', ?)");
  db.transaction(() => rows.forEach((row) => insert.run(row.id, row.createdAt, row.comment)))();
  db.close();
}

export interface ExportedFile extends WrittenExport {
  bytes: Buffer;
  /** UTF-8 text, BOM included. */
  text: string;
  manifest: Record<string, any>;
}

/** `topics`: the content pack's topic ids; by default none, so the columns are the answered topics. */
export async function exportInto(
  dir: string,
  store: KioskDatabase,
  options: Partial<ExportOptions> & Pick<ExportOptions, 'format'>,
  name = `out.${options.format}`,
  topics: readonly string[] = [],
): Promise<ExportedFile> {
  const full: ExportOptions = { onlyUnexported: false, coarsenToHour: false, ...options };
  const written = await exportFeedback(store.feedback, full, join(dir, name), { kioskId: 'kiosk-1', now: EXPORT_CLOCK, topics });
  const bytes = readFileSync(written.file);
  return { ...written, bytes, text: bytes.toString('utf8'), manifest: JSON.parse(readFileSync(written.manifestFile, 'utf8')) };
}

/** The browser shell's staging folder: its process's own, under `<dataDir>/exports/`. */
export function stagingFolder(server: { dataDir: string }): string {
  const root = join(server.dataDir, 'exports');
  const owners = readdirSync(root);
  if (owners.length !== 1) throw new Error(`expected one staging folder, found ${owners.join(', ')}`);
  return join(root, owners[0]!);
}

export const stagedPath = (server: { dataDir: string }, fileName: string) => join(stagingFolder(server), fileName);

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The export as the outcome the test expects; anything else fails the test. */
export function outcomeOf<O extends PreparedExport['outcome']>(outcome: O, prepared: PreparedExport): Extract<PreparedExport, { outcome: O }> {
  if (prepared.outcome !== outcome) throw new Error(`expected the export's outcome ${outcome}, got ${JSON.stringify(prepared)}`);
  return prepared as Extract<PreparedExport, { outcome: O }>;
}
