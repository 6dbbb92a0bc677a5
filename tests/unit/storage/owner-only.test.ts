/**
 * Issue 7, item 8: what the kiosk keeps on disk is its user's alone (folder 0700, files 0600),
 * and a deleted comment does not stay readable in the database file.
 */
import { chmodSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs('kiosk-owner-only-');
const mode = (path: string) => statSync(path).mode & 0o777;

describe('files on disk', () => {
  it('are owner-only: the data folder, even one made before, and the database with its log', () => {
    const dataDir = join(tempDir(), 'data');
    mkdirSync(dataDir, { mode: 0o755 });
    chmodSync(dataDir, 0o755);
    const store = new KioskDatabase({ dataDir, kioskId: 'k' });
    store.feedback.submit(validSubmission());
    expect(mode(dataDir)).toBe(0o700);
    for (const name of ['kiosk.db', 'kiosk.db-wal', 'kiosk.db-shm']) expect(mode(join(dataDir, name)), name).toBe(0o600);
    store.close();
  });

  it('keep no trace of a deleted comment (secure_delete)', () => {
    const dataDir = tempDir();
    const at = new Date('2025-01-01T10:00:00.000Z');
    const store = new KioskDatabase({ dataDir, kioskId: 'k', now: () => at });
    store.feedback.submit(validSubmission({ comment: 'Zebra-marker-comment please forget me' }));
    store.feedback.markExported([1], at);
    expect(store.feedback.deleteExpired(new Date('2025-02-01T00:00:00.000Z'), { syncedOnly: false })).toBe(1);
    store.close(); // checkpoints the log into the file
    expect(readFileSync(join(dataDir, 'kiosk.db')).includes('Zebra-marker-comment')).toBe(false);
  });
});
