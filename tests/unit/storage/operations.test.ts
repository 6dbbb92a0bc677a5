import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { KioskDatabase } from '../../../electron/node-core/storage/kiosk-database.js';
import { useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs();

describe('the store for staff and export', () => {
  it('keeps settings as JSON, written together', () => {
    const dataDir = tempDir();
    const store = new KioskDatabase({ dataDir, kioskId: 'k' });
    expect(store.settings.get('a', v.unknown())).toBeUndefined();
    store.settings.put({ a: { n: 1, list: [true, null] }, b: null, c: 'text' });
    store.settings.put({ c: 42 });
    store.close();
    const again = new KioskDatabase({ dataDir, kioskId: 'k' });
    expect(['a', 'b', 'c'].map((key) => again.settings.get(key, v.unknown()))).toEqual([{ n: 1, list: [true, null] }, null, 42]);
    again.close();
  });

  it('streams page by page, so the same connection can write between rows', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    for (let i = 0; i < 1201; i++) store.feedback.submit(validSubmission(), { now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
    const seqs: number[] = [];
    for (const row of store.feedback.iterateFeedback()) {
      seqs.push(row.seq);
      if (row.seq === 700) store.feedback.markExported([1, 2, 3]); // would throw "connection is busy" mid-statement
    }
    expect(seqs).toEqual(Array.from({ length: 1201 }, (_, i) => i + 1));
    expect([...store.feedback.iterateFeedback({ onlyUnexported: true })]).toHaveLength(1198);
    store.close();
  });

  it('lists the topics of the selected feedback', async () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    store.feedback.submit(validSubmission({ topicHelpful: { faq: true, summary: false } }), { now: new Date('2026-01-01T10:00:00Z') });
    store.feedback.submit(validSubmission({ topicHelpful: { safety: true } }), { now: new Date('2026-01-05T10:00:00Z') });
    store.feedback.submit(validSubmission({ topicHelpful: {} }), { now: new Date('2026-01-06T10:00:00Z') });
    expect(await store.feedback.topicIds()).toEqual(['faq', 'safety', 'summary']);
    expect(await store.feedback.topicIds({ since: new Date('2026-01-02T00:00:00Z') })).toEqual(['safety']);
    store.feedback.markExported([2]);
    expect(await store.feedback.topicIds({ onlyUnexported: true })).toEqual(['faq', 'summary']);
    store.close();
  });

  it('marks rows exported once, keeping the first export time', () => {
    const store = new KioskDatabase({ dataDir: tempDir(), kioskId: 'k' });
    for (let i = 0; i < 4; i++) store.feedback.submit(validSubmission());
    expect(store.feedback.markExported([1, 3], new Date('2026-02-01T00:00:00Z'))).toBe(2);
    expect(store.feedback.markExported([1, 2, 3, 99], new Date('2026-03-01T00:00:00Z'))).toBe(1);
    expect(store.feedback.markExported([])).toBe(0);
    expect([...store.feedback.iterateFeedback()].map((row) => row.exportedAt)).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      null,
    ]);
    store.close();
  });
});
