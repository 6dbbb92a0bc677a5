/**
 * The typed client gives up on a call that gets no answer: against a real server on 127.0.0.1
 * that accepts the request and never replies (as a kiosk stuck on a failing disk would), with a
 * controlled clock for the deadline.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApiClient, PATIENT_CALL_TIMEOUT_MS } from '../../../electron/common/api/client.js';
import type { ApiResult } from '../../../electron/common/api/errors.js';
import { validSubmission } from '../fixtures/feedback.js';

let server: Server;
const held: IncomingMessage[] = [];
beforeAll(async () => {
  server = createServer((request) => void held.push(request));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));
afterEach(() => vi.useRealTimers());

const origin = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const client = () =>
  createApiClient(
    async (method, input) => (await fetch(`${origin()}/api/${method}`, { method: 'POST', body: JSON.stringify(input) })).json() as Promise<ApiResult<unknown>>,
  );

describe('a call that gets no answer', () => {
  it('fails as unavailable once the patient deadline passes, not before', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const outcome = client()
      .submitFeedback(validSubmission())
      .then(
        () => 'answered',
        (error: unknown) => error,
      );
    // Wait for the request to arrive without moving the fake clock (vi.waitFor would move it).
    for (let turn = 0; held.length === 0 && turn < 100_000; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(held.length).toBeGreaterThan(0);
    await vi.advanceTimersByTimeAsync(PATIENT_CALL_TIMEOUT_MS - 1);
    let settled = false;
    void outcome.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toMatchObject({ name: 'ApiError', code: 'unavailable', message: expect.stringContaining('did not answer') });
  });
});
