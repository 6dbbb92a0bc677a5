/** Refused API calls are logged cut short and rate-limited per kind, with a controlled clock. */
import { describe, expect, it } from 'vitest';
import { RefusalLog, REFUSALS_LOGGED_PER_MINUTE } from '../../../electron/node-browser-shell/refusal-log.js';
import { capturingLogger } from '../fixtures/core.js';

describe('the refusal log', () => {
  it('logs a few refusals of a kind a minute, then sums up the rest', () => {
    const { logger, lines } = capturingLogger();
    let now = 0;
    const log = new RefusalLog(logger, () => now);
    const refused = { code: 'unauthorized' as const, message: 'missing or wrong API token' };

    for (let i = 0; i < 25; i++) log.record('submitFeedback', refused);
    // Another kind has its own allowance.
    log.record('getBootstrap', refused);
    expect(lines().filter((line) => line.method === 'submitFeedback')).toHaveLength(REFUSALS_LOGGED_PER_MINUTE);
    expect(lines().filter((line) => line.method === 'getBootstrap')).toHaveLength(1);

    now += 60_000;
    log.record('submitFeedback', refused);
    const summary = lines().find((line) => line.suppressed !== undefined);
    expect(summary).toMatchObject({ code: 'unauthorized', method: 'submitFeedback', suppressed: 25 - REFUSALS_LOGGED_PER_MINUTE });
    expect(lines().filter((line) => line.method === 'submitFeedback' && line.suppressed === undefined)).toHaveLength(REFUSALS_LOGGED_PER_MINUTE + 1);
  });

  it('cuts long method names and messages short, and counts made-up names as one kind', () => {
    const { logger, lines } = capturingLogger();
    const log = new RefusalLog(logger, () => 0);
    for (let i = 0; i < 50; i++) {
      const name = `${i}${'x'.repeat(100_000)}`;
      log.record(name, { code: 'not_found', message: `unknown API method "${name}"` });
    }
    expect(lines()).toHaveLength(REFUSALS_LOGGED_PER_MINUTE);
    for (const line of lines()) {
      expect(JSON.stringify(line).length).toBeLessThan(600);
      expect(line.method).toMatch(/… \(100\d{3} characters\)$/);
    }
  });
});
