import { describe, expect, it } from 'vitest';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs();

describe('the store for staff and export', () => {
  it('keeps settings as JSON, written together', () => {
    const dataDir = tempDir();
    const store = openFeedbackStore({ dataDir, kioskId: 'k' });
    expect(store.getSetting('a')).toBeUndefined();
    store.putSettings({ a: { n: 1, list: [true, null] }, b: null, c: 'text' });
    store.putSettings({ c: 42 });
    store.close();
    const again = openFeedbackStore({ dataDir, kioskId: 'k' });
    expect([again.getSetting('a'), again.getSetting('b'), again.getSetting('c')]).toEqual([{ n: 1, list: [true, null] }, null, 42]);
    again.close();
  });

  it('streams page by page, so the same connection can write between rows', () => {
    const store = openFeedbackStore({ dataDir: tempDir(), kioskId: 'k' });
    for (let i = 0; i < 1201; i++) store.submit(validSubmission(), { now: new Date(Date.UTC(2026, 0, 1, 0, 0, i)) });
    const seqs: number[] = [];
    for (const row of store.iterateFeedback()) {
      seqs.push(row.seq);
      if (row.seq === 700) store.markExported([1, 2, 3]); // would throw "connection is busy" mid-statement
    }
    expect(seqs).toEqual(Array.from({ length: 1201 }, (_, i) => i + 1));
    expect([...store.iterateFeedback({ onlyUnexported: true })]).toHaveLength(1198);
    store.close();
  });

  it('lists the topics of the selected feedback', async () => {
    const store = openFeedbackStore({ dataDir: tempDir(), kioskId: 'k' });
    store.submit(validSubmission({ topicHelpful: { faq: true, summary: false } }), { now: new Date('2026-01-01T10:00:00Z') });
    store.submit(validSubmission({ topicHelpful: { safety: true } }), { now: new Date('2026-01-05T10:00:00Z') });
    store.submit(validSubmission({ topicHelpful: {} }), { now: new Date('2026-01-06T10:00:00Z') });
    expect(await store.topicIds()).toEqual(['faq', 'safety', 'summary']);
    expect(await store.topicIds({ since: new Date('2026-01-02T00:00:00Z') })).toEqual(['safety']);
    store.markExported([2]);
    expect(await store.topicIds({ onlyUnexported: true })).toEqual(['faq', 'summary']);
    store.close();
  });

  it('marks rows exported once, keeping the first export time', () => {
    const store = openFeedbackStore({ dataDir: tempDir(), kioskId: 'k' });
    for (let i = 0; i < 4; i++) store.submit(validSubmission());
    expect(store.markExported([1, 3], new Date('2026-02-01T00:00:00Z'))).toBe(2);
    expect(store.markExported([1, 2, 3, 99], new Date('2026-03-01T00:00:00Z'))).toBe(1);
    expect(store.markExported([])).toBe(0);
    expect([...store.iterateFeedback()].map((row) => row.exportedAt)).toEqual([
      '2026-02-01T00:00:00.000Z',
      '2026-03-01T00:00:00.000Z',
      '2026-02-01T00:00:00.000Z',
      null,
    ]);
    store.close();
  });
});
