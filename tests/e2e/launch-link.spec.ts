/**
 * The browser shell's launch link: `serve` prints one ready line that is a working link (with this
 * launch's key after #token=), and a page opened without it — the bare address, or a key from an
 * earlier launch — says plainly what is wrong and what to open, instead of "resting" forever.
 */
import { expect, t, test, ui } from './fixtures.js';

test('the ready line is the whole link, and it opens the kiosk', async ({ page, server }) => {
  const line = server
    .output()
    .split('\n')
    .find((text) => text.startsWith('Kiosk ready at '));
  expect(line).toBe(`Kiosk ready at ${server.kioskUrl}`);
  await page.goto(line!.slice('Kiosk ready at '.length));
  await expect(ui.start(page)).toBeVisible();
});

for (const [name, suffix] of [
  ['without a key', ''],
  ['with a key from another launch', '#token=an-old-key-from-yesterday'],
] as const) {
  test(`a page opened ${name} says what to open instead, and does not keep retrying`, async ({ page, server }) => {
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    await page.clock.install();
    await page.goto(server.origin + suffix);
    await expect(page.getByRole('heading', { name: t('app.needsLink.title') })).toBeVisible();
    await expect(page.getByText('clinic-kiosk start', { exact: false })).toBeVisible();
    await expect(page.getByRole('heading', { name: t('app.unavailable.title') })).toHaveCount(0);
    const callsSoFar = apiCalls.length;
    expect(callsSoFar).toBe(suffix === '' ? 0 : 1);
    // A minute on the page's clock: the "resting" retry (every 5 s) would have called again.
    await page.clock.runFor(60_000);
    expect(apiCalls).toHaveLength(callsSoFar);
    await expect(page.getByRole('heading', { name: t('app.needsLink.title') })).toBeVisible();
  });
}
