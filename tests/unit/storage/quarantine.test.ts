import { randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openFeedbackStore, type FeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { quickCheck, useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs();
const at = new Date('2025-04-01T08:30:00.000Z');

function storeWithRows(dataDir: string, rows: number): FeedbackStore {
  const store = openFeedbackStore({ dataDir, kioskId: 'k' });
  for (let i = 0; i < rows; i++) store.submit(validSubmission({ comment: 'x'.repeat(400) }));
  return store;
}

function expectFreshStoreWithIncident(dataDir: string, problem: RegExp) {
  const store = openFeedbackStore({ dataDir, kioskId: 'k', now: () => at });
  expect(store.countTotal()).toBe(0);
  const submission = validSubmission();
  store.submit(submission);
  expect(store.getById(submission.id)?.id).toBe(submission.id);
  const [incident, ...others] = store.listIncidents();
  expect(others).toEqual([]);
  expect(incident).toMatchObject({ kind: 'database', at: at.toISOString() });
  const detail = JSON.parse(incident!.detail!) as { movedTo: string; problem: string };
  expect(detail.movedTo).toBe(join(dataDir, 'kiosk.db.corrupt-2025-04-01T08-30-00-000Z'));
  expect(detail.problem).toMatch(problem);
  store.close();
  expect(quickCheck(store.file)).toEqual(['ok']);
  return detail.movedTo;
}

describe('a damaged database at startup', () => {
  it('is renamed aside byte for byte when it is not a database at all, and a fresh one starts', () => {
    const dataDir = tempDir();
    storeWithRows(dataDir, 3).close();
    const garbage = randomBytes(64 * 1024);
    writeFileSync(join(dataDir, 'kiosk.db'), garbage);
    const movedTo = expectFreshStoreWithIncident(dataDir, /not a database/i);
    expect(readFileSync(movedTo).equals(garbage)).toBe(true);
  });

  it('is renamed aside with its log untouched when quick_check finds damaged pages', () => {
    // A kiosk that lost power: committed frames still in kiosk.db-wal, and pages of kiosk.db damaged.
    const liveDir = tempDir();
    storeWithRows(liveDir, 40).close();
    const writer = new Database(join(liveDir, 'kiosk.db'));
    writer.pragma('wal_autocheckpoint = 0');
    writer.prepare("INSERT INTO incidents (at, kind, message) VALUES ('2025-01-01T00:00:00.000Z', 'test', 'in the log only')").run();
    const dataDir = tempDir();
    for (const name of ['kiosk.db', 'kiosk.db-wal', 'kiosk.db-shm']) copyFileSync(join(liveDir, name), join(dataDir, name));
    writer.close();

    const file = join(dataDir, 'kiosk.db');
    const pages = Math.floor(statSync(file).size / 4096);
    expect(pages).toBeGreaterThan(10);
    // Scribble over the table pages, leaving the header (page 1) intact: SQLite opens the file,
    // and only the integrity check notices.
    const fd = openSync(file, 'r+');
    for (let page = 2; page < pages; page++) writeSync(fd, randomBytes(64), 0, 64, page * 4096 + 8);
    closeSync(fd);
    const damaged = readFileSync(file);
    const log = readFileSync(`${file}-wal`);
    expect(log.length).toBeGreaterThan(0);

    const movedTo = expectFreshStoreWithIncident(dataDir, /quick_check/);
    expect(readFileSync(movedTo).equals(damaged)).toBe(true);
    expect(readFileSync(`${movedTo}-wal`).equals(log)).toBe(true);
    expect(existsSync(`${movedTo}-shm`)).toBe(true); // only an index, which SQLite may rebuild
  });

  it('never overwrites an earlier quarantined file', () => {
    const dataDir = tempDir();
    for (let round = 0; round < 2; round++) {
      writeFileSync(join(dataDir, 'kiosk.db'), `garbage ${round}`.repeat(200));
      openFeedbackStore({ dataDir, kioskId: 'k', now: () => at }).close();
    }
    const aside = readdirSync(dataDir)
      .filter((f) => f.includes('.corrupt-'))
      .sort();
    expect(aside).toEqual(['kiosk.db.corrupt-2025-04-01T08-30-00-000Z', 'kiosk.db.corrupt-2025-04-01T08-30-00-000Z-2']);
    expect(readFileSync(join(dataDir, aside[0]!), 'utf8')).toMatch(/^garbage 0/);
    expect(readFileSync(join(dataDir, aside[1]!), 'utf8')).toMatch(/^garbage 1/);
  });

  it('leaves a healthy or empty file alone', () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'kiosk.db'), ''); // SQLite treats an empty file as an empty database
    const store = openFeedbackStore({ dataDir, kioskId: 'k' });
    expect(store.listIncidents()).toEqual([]);
    store.close();
    expect(readdirSync(dataDir).some((f) => f.includes('.corrupt-'))).toBe(false);
    expect(existsSync(join(dataDir, 'kiosk.db'))).toBe(true);
  });
});
