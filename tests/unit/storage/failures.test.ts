import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { StorageUnavailableError, type StorageFailureReason } from '../../../electron/node/storage/errors.js';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { bundleStoreForChild, childFixture } from './child-store.js';
import { quickCheck, rowCounts, useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs('kiosk-failure-');

function expectUnavailable(work: () => unknown, reason: StorageFailureReason): StorageUnavailableError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(StorageUnavailableError);
    expect((error as StorageUnavailableError).reason).toBe(reason);
    expect((error as StorageUnavailableError).cause).toBeInstanceOf(Error);
    return error as StorageUnavailableError;
  }
  throw new Error(`expected StorageUnavailableError (${reason}), but nothing was thrown`);
}

/** Every feedback row has all its topic rows and no topic row is orphaned: nothing half-written. */
function expectNoPartialRows(file: string, topicsPerRow: number) {
  const db = new Database(file, { readonly: true });
  const incomplete = db
    .prepare('SELECT count(*) FROM feedback WHERE (SELECT count(*) FROM feedback_topics WHERE feedback_id = feedback.id) != ?')
    .pluck()
    .get(topicsPerRow);
  const orphans = db.prepare('SELECT count(*) FROM feedback_topics WHERE feedback_id NOT IN (SELECT id FROM feedback)').pluck().get();
  db.close();
  expect({ incomplete, orphans }).toEqual({ incomplete: 0, orphans: 0 });
}

describe('a full disk', () => {
  // A real full disk needs a size-limited filesystem, which needs mount privileges. A size cap on
  // the database (max_page_count) makes SQLite fail the same way, with SQLITE_FULL.
  it('fails the submit that does not fit as disk_full, keeps every earlier one whole, and recovers when space returns', () => {
    const dataDir = tempDir();
    const topics = Object.fromEntries(Array.from({ length: 32 }, (_, i) => [`topic-${i}`, i % 3 === 0]));
    const store = openFeedbackStore({ dataDir, kioskId: 'k', maxDatabaseBytes: 160 * 1024 });
    const stored: string[] = [];
    let failure: StorageUnavailableError | undefined;
    for (let i = 0; i < 1000 && !failure; i++) {
      const submission = validSubmission({ topicHelpful: topics, comment: `${i} `.padEnd(480, 'x') });
      failure = expectUnavailableOrStored(
        () => store.submit(submission),
        () => stored.push(submission.id),
      );
      if (failure) expect(store.getById(submission.id)).toBeUndefined();
    }
    expect(failure?.reason).toBe('disk_full');
    expect(stored.length).toBeGreaterThan(5);
    expect(store.countTotal()).toBe(stored.length); // reads still work
    expect(rowCounts(store.file)).toEqual({ feedback: stored.length, topics: stored.length * 32 });
    expectNoPartialRows(store.file, 32);
    store.close();
    expect(quickCheck(join(dataDir, 'kiosk.db'))).toEqual(['ok']);

    const roomier = openFeedbackStore({ dataDir, kioskId: 'k' });
    expect(roomier.submit(validSubmission({ topicHelpful: topics })).duplicate).toBe(false);
    roomier.close();
  });
});

function expectUnavailableOrStored(work: () => unknown, onStored: () => void): StorageUnavailableError | undefined {
  try {
    work();
    onStored();
    return undefined;
  } catch (error) {
    if (error instanceof StorageUnavailableError) return error;
    throw error;
  }
}

describe('a locked database', () => {
  it('fails the submit as locked after the busy timeout, writes nothing, and works once the lock is gone', () => {
    const dataDir = tempDir();
    const store = openFeedbackStore({ dataDir, kioskId: 'k', busyTimeoutMs: 150 });
    store.submit(validSubmission());
    const other = new Database(store.file);
    other.exec('BEGIN EXCLUSIVE');
    const started = performance.now();
    const submission = validSubmission();
    expectUnavailable(() => store.submit(submission), 'locked');
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    other.exec('ROLLBACK');
    other.close();
    expect(store.getById(submission.id)).toBeUndefined();
    expect(rowCounts(store.file)).toEqual({ feedback: 1, topics: 2 });
    expect(store.submit(submission).duplicate).toBe(false);
    store.close();
  });

  it('fails to open as locked, not as damaged, while another process holds the new file', () => {
    const dataDir = tempDir();
    const other = new Database(join(dataDir, 'kiosk.db'));
    other.exec('CREATE TABLE squatter (x); BEGIN EXCLUSIVE; INSERT INTO squatter VALUES (1);');
    expectUnavailable(() => openFeedbackStore({ dataDir, kioskId: 'k', busyTimeoutMs: 100 }), 'locked');
    other.exec('ROLLBACK');
    other.close();
    expect(readdirSync(dataDir).filter((f) => f.includes('.corrupt-'))).toEqual([]);
  });
});

describe('a read-only disk', () => {
  // Root writes through file permissions, so when the tests run as root the attempt runs in a
  // child process as the unprivileged user "nobody" (uid 65534); otherwise as ourselves.
  const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  function attempt(storeModule: string, dataDir: string) {
    const fixture = join(dirname(storeModule), 'try-submit.mjs');
    const result = spawnSync(process.execPath, [fixture, storeModule, dataDir, JSON.stringify(validSubmission())], {
      ...asUser,
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as { stage: string; name?: string; reason?: string; code?: string; countAfter?: number };
  }

  function setUp() {
    const work = tempDir();
    chmodSync(work, 0o755);
    const storeModule = bundleStoreForChild(join(work, 'build'));
    childFixture(dirname(storeModule), 'try-submit.mjs');
    const dataDir = join(work, 'data');
    const store = openFeedbackStore({ dataDir, kioskId: 'k' });
    store.submit(validSubmission());
    store.close();
    return { storeModule, dataDir, file: store.file };
  }

  it('refuses to open read_only when the data dir and file are read-only, and changes nothing', () => {
    const { storeModule, dataDir, file } = setUp();
    const before = readFileSync(file);
    chmodSync(file, 0o444);
    chmodSync(dataDir, 0o555);
    expect(attempt(storeModule, dataDir)).toMatchObject({ stage: 'open', name: 'StorageUnavailableError', reason: 'read_only' });
    chmodSync(dataDir, 0o755);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(readdirSync(dataDir)).toEqual(['kiosk.db']);
  });

  it('fails the submit as read_only when only the file is read-only, writes nothing, and still answers reads', () => {
    const { storeModule, dataDir, file } = setUp();
    chmodSync(file, 0o444);
    chmodSync(dataDir, 0o777);
    expect(attempt(storeModule, dataDir)).toMatchObject({ stage: 'submit', name: 'StorageUnavailableError', reason: 'read_only', countAfter: 1 });
    expect(rowCounts(file)).toEqual({ feedback: 1, topics: 2 });
  });

  it('refuses to open read_only when the data dir is read-only and holds no database yet', () => {
    const { storeModule, dataDir } = setUp();
    const empty = join(dataDir, 'empty');
    mkdirSync(empty, { mode: 0o555 });
    chmodSync(empty, 0o555);
    expect(attempt(storeModule, empty)).toMatchObject({ stage: 'open', name: 'StorageUnavailableError', reason: 'read_only' });
    expect(readdirSync(empty)).toEqual([]);
  });
});
