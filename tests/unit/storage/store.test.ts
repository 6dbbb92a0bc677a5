import * as v from 'valibot';
import { FeedbackSubmissionSchema } from '../../../electron/common/feedback/schema.js';
import { readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { SKIPPED_ANSWERS } from '../fixtures/feedback.js';
import { rowCounts, useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs();

describe('feedback repository', () => {
  it('stores a submission with its topic answers, its time to the minute, and reads it back exactly', () => {
    const at = new Date('2025-03-09T14:05:06.789Z');
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'front-desk', now: () => at });
    const submission = validSubmission();
    expect(store.feedback.submit(submission)).toEqual({ stored: true, duplicate: false });
    expect(store.feedback.getById(submission.id)).toEqual({
      seq: 1,
      id: submission.id,
      createdAt: '2025-03-09T14:05:00.000Z',
      kioskId: 'front-desk',
      contentVersion: '1.0.0',
      locale: 'en',
      worryBefore: 4,
      worryAfter: 2,
      topicHelpful: { summary: true, safety: false },
      overallHelpfulness: 5,
      answeredQuestions: 'partly',
      comment: 'Clear and calm, thank you.',
      partial: false,
      exportedAt: null,
      syncedAt: null,
    });
    store.close();
  });

  it('keeps skipped answers as null, and partial as sent', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    const rest = validSubmission(SKIPPED_ANSWERS);
    store.feedback.submit(rest);
    expect(store.feedback.getById(rest.id)).toMatchObject({ ...SKIPPED_ANSWERS, partial: false });
    const partial = validSubmission({ partial: true });
    store.feedback.submit(partial);
    expect(store.feedback.getById(partial.id)?.partial).toBe(true);
    store.close();
  });

  it('stores the same UUID once, keeps the first version and reports the duplicate', () => {
    const dataDir = tempDir();
    const store = new KioskDatabase({ dataDir, kioskId: 'k' });
    const first = validSubmission({ worryAfter: 1 });
    expect(store.feedback.submit(first).duplicate).toBe(false);
    expect(store.feedback.submit({ ...first, worryAfter: 5, topicHelpful: { faq: true } }).duplicate).toBe(true);
    // The API boundary lowers the UUID (see the schema tests), so the same id in capitals is a duplicate too.
    expect(store.feedback.submit(v.parse(FeedbackSubmissionSchema, { ...first, id: first.id.toUpperCase() })).duplicate).toBe(true);
    expect(store.feedback.countTotal()).toBe(1);
    expect(store.feedback.getById(first.id)).toMatchObject({ worryAfter: 1, topicHelpful: first.topicHelpful });
    expect(rowCounts(store.file)).toEqual({ feedback: 1, topics: 2 });
    store.close();
  });

  it('scrubs the comment before it reaches the file', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    const submission = validSubmission({ comment: '  Call me on (555) 867-5309 or mail jane.doe@example.org  ' });
    store.feedback.submit(submission);
    expect(store.feedback.getById(submission.id)?.comment).toBe('Call me on [removed] or mail [removed]');
    const bytes = Buffer.concat([store.file, `${store.file}-wal`].filter(existsSync).map((f) => readFileSync(f))).toString('latin1');
    expect(bytes).toContain('Call me on [removed]');
    expect(bytes).not.toContain('867-5309');
    expect(bytes).not.toContain('jane.doe');
    store.close();
  });

  it('stores a comment that is empty after scrubbing as null, and one that scrubbing made longer', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    const blank = validSubmission({ comment: '   ' });
    store.feedback.submit(blank);
    expect(store.feedback.getById(blank.id)?.comment).toBeNull();
    // 71 short addresses: 497 characters in, 71 × "[removed]" plus spaces out.
    const long = validSubmission({ comment: Array.from({ length: 71 }, () => 'a@b.cc').join(' ') });
    store.feedback.submit(long);
    expect(store.feedback.getById(long.id)?.comment).toBe(Array.from({ length: 71 }, () => '[removed]').join(' '));
    store.close();
  });

  it('records UTC times and counts the local day, the total and the unsynced rows', () => {
    let clock = new Date(2025, 5, 10, 0, 0, 1); // local 00:00:01
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k', now: () => new Date(clock) });
    store.feedback.submit(validSubmission(), { now: new Date(2025, 5, 9, 23, 59, 59) }); // yesterday, local
    store.feedback.submit(validSubmission());
    store.feedback.submit(validSubmission(), { now: new Date(2025, 5, 10, 23, 59, 59) });
    expect(store.feedback.countToday()).toBe(2);
    clock = new Date(2025, 5, 11, 9, 0);
    expect(store.feedback.countToday()).toBe(0);
    expect(store.feedback.countTotal()).toBe(3);
    expect(store.feedback.countUnsynced()).toBe(3);
    const [row] = [...store.feedback.iterateFeedback()];
    expect(row?.createdAt).toBe(new Date(2025, 5, 9, 23, 59, 0).toISOString());
    expect(row?.createdAt).toMatch(/Z$/);
    store.close();
  });

  it('streams feedback in seq order, filtered by time and export state', () => {
    const dataDir = tempDir();
    const store = new KioskDatabase({ dataDir, kioskId: 'k' });
    const ids = [1, 2, 3, 4].map((day) => {
      const submission = validSubmission();
      store.feedback.submit(submission, { now: new Date(Date.UTC(2025, 0, day, 12)) });
      return submission.id;
    });
    const seen = (query?: Parameters<typeof store.feedback.iterateFeedback>[0]) => [...store.feedback.iterateFeedback(query)].map((r) => r.id);
    expect(seen()).toEqual(ids);
    expect(seen({ since: new Date(Date.UTC(2025, 0, 2, 12)), until: new Date(Date.UTC(2025, 0, 4, 12)) })).toEqual(ids.slice(1, 3));
    const writer = new Database(store.file);
    writer.prepare("UPDATE feedback SET exported_at = '2025-01-05T00:00:00.000Z' WHERE id IN (?, ?)").run(ids[0], ids[2]);
    writer.close();
    expect(seen({ onlyUnexported: true })).toEqual([ids[1], ids[3]]);
    expect([...store.feedback.iterateFeedback()].map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    store.close();
  });

  it('keeps its data across a close and reopen, and uses WAL with full sync', () => {
    const dataDir = tempDir();
    const submission = validSubmission();
    const store = new KioskDatabase({ dataDir, kioskId: 'k' });
    store.feedback.submit(submission);
    store.close();
    store.close(); // closing twice is harmless
    const again = new KioskDatabase({ dataDir, kioskId: 'k' });
    expect(again.feedback.getById(submission.id)?.id).toBe(submission.id);
    const db = new Database(again.file, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    again.close();
  });

  it('has no column that could hold who the patient is', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    const db = new Database(store.file, { readonly: true });
    const columns = (table: string) => (db.pragma(`table_info(${table})`) as { name: string }[]).map((c) => c.name).sort();
    expect(columns('feedback')).toEqual(
      [
        'answered_questions',
        'comment',
        'content_version',
        'created_at',
        'exported_at',
        'id',
        'kiosk_id',
        'locale',
        'overall_helpfulness',
        'partial',
        'seq',
        'sync_error',
        'sync_quarantined_at',
        'synced_at',
        'worry_after',
        'worry_before',
      ].sort(),
    );
    expect(columns('feedback_topics')).toEqual(['feedback_id', 'helpful', 'topic_id']);
    db.close();
    store.close();
  });
});
