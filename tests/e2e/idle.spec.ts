/**
 * Strangers share the kiosk: after the idle timeout a friendly warning counts down, and then the
 * kiosk starts over leaving nothing of the previous patient in the DOM, storage or history.
 * The kiosk runs on its default lengths (90 s idle, 20 s countdown), on Playwright's clock.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { expect, expectTopic, expectWelcome, t, ui } from './fixtures.js';
import {
  countdownRunsOut,
  expectNoTraceOf,
  freshWelcomeText,
  idleTimePasses,
  leaveTracesAndWalkAway,
  main,
  test,
  warning,
  WARNING_SECONDS,
} from './idle-helpers.js';

test.describe('idle reset', () => {
  test('warns, counts down, and leaves no trace of the patient', async ({ kiosk: page, content, server }) => {
    const historyBefore = await page.evaluate(() => history.length);
    const reference = await freshWelcomeText(page, server.kioskUrl);
    const comment = 'my private words for the clinic';

    await leaveTracesAndWalkAway(page, comment);
    await expect(warning(page)).toHaveCount(0);
    await idleTimePasses(page);
    await expect(warning(page)).toBeVisible();
    await expect(warning(page).getByText(`Starting over in ${WARNING_SECONDS} seconds`)).toBeVisible();
    await expect(warning(page).getByRole('button', { name: t('idle.stay') })).toBeVisible();

    await countdownRunsOut(page);
    await expect(warning(page)).toBeHidden();
    await expectWelcome(page, content.pack);

    await expectNoTraceOf(page, { reference, historyBefore, comment });
    // Unfinished feedback is discarded by default.
    const db = new Database(join(server.dataDir, 'kiosk.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM feedback WHERE comment = ?').get(comment)).toEqual({ n: 0 });
    db.close();

    // The next patient starts at the beginning, with nothing chosen.
    await ui.start(page).click();
    await expect(main(page).locator('[aria-pressed="true"]')).toHaveCount(0);
  });

  test('"I\'m still here" keeps the patient where they were', async ({ kiosk: page, content }) => {
    await ui.start(page).click();
    await ui.skip(page).click();
    await ui.next(page).click();
    await expectTopic(page, content.topics, 1);
    await main(page)
      .getByRole('group', { name: t('topicHelpful.question') })
      .getByRole('button', { name: t('topicHelpful.no'), exact: true })
      .click();

    await idleTimePasses(page);
    await expect(warning(page)).toBeVisible();
    await warning(page)
      .getByRole('button', { name: t('idle.stay') })
      .click();
    await expect(warning(page)).toBeHidden();
    await expectTopic(page, content.topics, 1);
    await expect(main(page).getByRole('button', { name: t('topicHelpful.no'), exact: true })).toHaveAttribute('aria-pressed', 'true');

    // The wait starts again: the warning comes back later, and the patient can still stay.
    await idleTimePasses(page);
    await expect(warning(page)).toBeVisible();
    await warning(page)
      .getByRole('button', { name: t('idle.stay') })
      .click();
    await expectTopic(page, content.topics, 1);
  });

  test('a fresh welcome screen is left alone', async ({ kiosk: page }) => {
    // Nothing to protect: the warning must not appear even after the idle time has passed twice.
    await idleTimePasses(page);
    await idleTimePasses(page);
    await expect(warning(page)).toHaveCount(0);
    await expect(ui.start(page)).toBeVisible();
    // …while the same wait once the patient has started does bring it (so the clock did run).
    await ui.start(page).click();
    await idleTimePasses(page);
    await expect(warning(page)).toBeVisible();
  });
});
