/** With `keepPartialFeedback` on, an idle reset stores the unfinished answers, marked partial. */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, expectWelcome } from './fixtures.js';
import { countdownRunsOut, idleTimePasses, leaveTracesAndWalkAway, test, warning } from './idle-helpers.js';

test.use({ kioskConfig: { keepPartialFeedback: true } });

test.describe('idle reset keeping partial feedback', () => {
  test('stores the unfinished answers marked partial', async ({ kiosk: page, content, server }) => {
    const comment = 'unfinished thoughts kept as partial';
    await leaveTracesAndWalkAway(page, comment);
    await idleTimePasses(page);
    await expect(warning(page)).toBeVisible();
    await countdownRunsOut(page);
    await expect(warning(page)).toBeHidden();
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
