/**
 * Marking many rows exported happens in chunks with a turn of the event loop between them, so a big
 * export never freezes the kiosk's UI and API while it marks.
 */
import { describe, expect, it } from 'vitest';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import { insertRaw } from '../export/helpers.js';
import { useTempDirs } from './helpers.js';

const tempDir = useTempDirs('kiosk-mark-exported-');
const ROWS = 10_000;

describe('markExportedInChunks', () => {
  it('marks every row a chunk at a time, letting the event loop turn between chunks', async () => {
    const store = openFeedbackStore({ dataDir: tempDir(), kioskId: 'kiosk-1' });
    const ids = Array.from({ length: ROWS }, (_, i) => `${i.toString(16).padStart(8, '0')}-0000-4000-8000-000000000000`);
    insertRaw(
      store.file,
      ids.map((id) => ({ id, createdAt: '2026-11-29T10:00:00.000Z', comment: null })),
    );
    store.markExported([5]); // already exported: left as it was
    const seqs = [...store.iterateFeedback()].map((record) => record.seq);
    expect(seqs).toHaveLength(ROWS);

    let turns = 0;
    let spinning = true;
    const spin = () => {
      if (!spinning) return;
      turns++;
      setImmediate(spin);
    };
    setImmediate(spin);
    const marked = await store.markExportedInChunks(seqs, new Date('2026-11-29T12:00:00Z'), 1000);
    spinning = false;

    expect(marked).toBe(ROWS - 1);
    expect(turns).toBeGreaterThanOrEqual(ROWS / 1000 - 1);
    expect([...store.iterateFeedback({ onlyUnexported: true })]).toHaveLength(0);
    expect(await store.markExportedInChunks([])).toBe(0);
    store.close();
  });
});
