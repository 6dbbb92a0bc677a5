/**
 * The page arrives with the welcome screen already rendered into it (Svelte SSR) and its bootstrap
 * inlined, so the first screen drawn is the real welcome screen, before any script runs, not
 * "Getting ready…", and no API round trip stands before it (the launch key is checked with one
 * call behind the first paint). The page hydrates that markup instead of drawing it again. The
 * inlined data is public only: the API token never appears in the page.
 */
import type { Page } from '@playwright/test';
import { expect, t, test, ui } from './fixtures.js';

/** Records, from before the page's own scripts run, every text #app ever showed and every API call. */
async function watchStartup(page: Page) {
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(new URL(request.url()).pathname);
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    // One ordered log of what #app showed and when the page called fetch, to tell which came first.
    const events: string[] = [];
    Object.assign(window, { seenTexts: seen, startupEvents: events });
    const fetch = window.fetch.bind(window);
    window.fetch = (input, init) => {
      events.push(`fetch ${String(input instanceof Request ? input.url : input)}`);
      return fetch(input, init);
    };
    new MutationObserver(() => {
      const app = document.getElementById('app');
      if (!app) return;
      seen.push(app.innerText);
      if (app.innerText.trim()) events.push('text');
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const read = <T>(name: string) => page.evaluate((key) => (window as unknown as Record<string, T>)[key]!, name);
  return { apiCalls, seenTexts: () => read<string[]>('seenTexts'), events: () => read<string[]>('startupEvents') };
}

test('the first screen drawn is the welcome screen, with no API call before it', async ({ page, server, content }) => {
  const startup = await watchStartup(page);
  await page.goto(server.kioskUrl);
  await expect(ui.heading(page)).toHaveText(content.pack.title);
  await expect(ui.start(page)).toBeVisible();
  // Only the launch key's check, and only after the welcome screen was drawn.
  await expect.poll(() => startup.apiCalls).toEqual(['/api/getBootstrap']);
  expect((await startup.events())[0]).toBe('text');
  const texts = await startup.seenTexts();
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.filter((text) => text.includes(t('app.loading')))).toEqual([]);
  // The data block is consumed: the page's DOM does not keep a second copy.
  await expect(page.locator('#kiosk-bootstrap')).toHaveCount(0);
});

test('the welcome screen is in the page itself: heading and Start button with JavaScript off', async ({ browser, server, content }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const page = await context.newPage();
    await page.goto(server.kioskUrl);
    await expect(ui.heading(page)).toHaveText(content.pack.title);
    await expect(ui.start(page)).toBeVisible();
    await expect(page.getByText(content.clinicName, { exact: true })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  } finally {
    await context.close();
  }
});

test('the page adopts the server-rendered welcome screen instead of drawing it again', async ({ page, server }) => {
  // The first Start button that ever appears; on the served page the parser makes it.
  await page.addInitScript((label) => {
    new MutationObserver((_records, observer) => {
      const start = [...document.querySelectorAll('button')].find((button) => button.textContent?.trim() === label);
      if (!start) return;
      Object.assign(window, { firstStart: start });
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
  }, t('welcome.start'));
  // The launch key's check runs once the page has hydrated.
  const keyChecked = page.waitForResponse((response) => response.url().endsWith('/api/getBootstrap'));
  await page.goto(server.kioskUrl);
  await keyChecked;
  const firstIsCurrent = await page.evaluate((label) => {
    const current = [...document.querySelectorAll('button')].filter((button) => button.textContent?.trim() === label);
    return current.length === 1 && current[0] === (window as unknown as { firstStart: Element }).firstStart;
  }, t('welcome.start'));
  expect(firstIsCurrent).toBe(true);
  await ui.start(page).click();
  await expect(ui.worryQuestion(page)).toBeVisible();
});

test('the served page carries public data only, and is never cached', async ({ request, server, content }) => {
  const response = await request.get(server.origin);
  expect(response.headers()['cache-control']).toBe('no-store');
  const html = await response.text();
  expect(html).toContain('<script type="application/json" id="kiosk-bootstrap">');
  expect(html).toContain(content.pack.title);
  expect(html).not.toContain(server.token);
});

test('without a usable inlined bootstrap the page asks the API', async ({ page, server, content }) => {
  const startup = await watchStartup(page);
  // The page as served, with the data block broken: the renderer must fall back, not fail.
  await page.route(server.origin, async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/(id="kiosk-bootstrap">)\{/, '$1{broken');
    await route.fulfill({ response, body });
  });
  await page.goto(server.kioskUrl);
  await expect(ui.heading(page)).toHaveText(content.pack.title);
  expect(startup.apiCalls).toEqual(['/api/getBootstrap']);
});
