import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validSubmission } from '../fixtures/feedback.js';
import { startTestServer, type TestServer } from './kiosk-server.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.stop()); // `?.`: a failed beforeAll must show its own error, not this one

describe('when the database cannot take a write', () => {
  it('answers 503 unavailable, stores nothing, and saves the retry once the lock is gone', async () => {
    // Another connection holds the write lock longer than the store's busy timeout.
    const blocker = new Database(join(server.dataDir, 'kiosk.db'));
    blocker.exec('BEGIN EXCLUSIVE');
    const feedback = validSubmission();
    const refused = await server.post('submitFeedback', JSON.stringify(feedback));
    blocker.exec('ROLLBACK');
    blocker.close();

    expect(refused.status).toBe(503);
    expect(refused.json).toMatchObject({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('locked') } });
    expect(server.core.feedback.database!.feedback.getById(feedback.id)).toBeUndefined();

    const retried = await server.post('submitFeedback', JSON.stringify(feedback));
    expect(retried.json).toEqual({ ok: true, value: { id: feedback.id, duplicate: false } });
    expect(server.core.feedback.database!.feedback.getById(feedback.id)).toMatchObject({ worryBefore: 4, worryAfter: 2 });
  });
});
