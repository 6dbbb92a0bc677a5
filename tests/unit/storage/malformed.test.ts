import { describe, expect, it } from 'vitest';
import { InvalidFeedbackError } from '../../../electron/node/storage/errors.js';
import { openFeedbackStore } from '../../../electron/node/storage/feedback-store.js';
import type { FeedbackSubmissionInput } from '../../../electron/common/feedback/schema.js';
import { malformedPayloads } from '../feedback/malformed-payloads.js';
import { rowCounts, useTempDirs, validSubmission } from './helpers.js';

const tempDir = useTempDirs();

describe('the store refuses malformed feedback', () => {
  it('rejects every generated malformed payload, stores nothing, and still works afterwards', () => {
    const store = openFeedbackStore({ dataDir: tempDir(), kioskId: 'k' });
    const cases = malformedPayloads();
    expect(cases.length).toBeGreaterThanOrEqual(200);
    for (const { name, payload } of cases) {
      expect(() => store.submit(payload as FeedbackSubmissionInput), name).toThrow(InvalidFeedbackError);
    }
    expect(rowCounts(store.file)).toEqual({ feedback: 0, topics: 0 });
    const good = validSubmission();
    expect(store.submit(good)).toEqual({ stored: true, duplicate: false });
    expect(rowCounts(store.file)).toEqual({ feedback: 1, topics: 2 });
    store.close();
  });
});
