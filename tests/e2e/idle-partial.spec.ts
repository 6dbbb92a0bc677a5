/** With `keepPartialFeedback` on, an idle reset stores the unfinished answers, marked partial. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, expectWelcome, test } from './fixtures.js';
import { IDLE, leaveTracesAndWalkAway, RESET_WAIT_MS, warning } from './idle-helpers.js';

test.use({ kioskConfig: { ...IDLE, keepPartialFeedback: true } });

test.describe('idle reset keeping partial feedback', () => {
  test('stores the unfinished answers marked partial', async ({ kiosk: page, content, server }) => {
    const comment = 'unfinished thoughts kept as partial';
    await leaveTracesAndWalkAway(page, comment);
    await expect(warning(page)).toBeVisible({ timeout: RESET_WAIT_MS });
    await expect(warning(page)).toBeHidden({ timeout: RESET_WAIT_MS });
    await expectWelcome(page, content.pack);

    const db = new Database(join(server.dataDir, 'kiosk.db'), { readonly: true });
    try {
      await expect
        .poll(() => db.prepare('SELECT worry_before, partial FROM feedback WHERE comment = ?').all(comment))
        .toEqual([{ worry_before: 5, partial: 1 }]);
    } finally {
      db.close();
    }
  });
});
