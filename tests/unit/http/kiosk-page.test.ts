/**
 * The page both shells serve (electron/node-core/kiosk-page.ts) with the BUILT SSR bundle
 * (dist/renderer-ssr/ssr.js, as `npm run build` makes it) and a real kiosk core: the welcome screen
 * rendered in, in the bootstrap's language, the clinic's name escaped, the stylesheet inline.
 */
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bootstrap, KioskApi } from '../../../electron/common/api/contract.js';
import { INLINE_BOOTSTRAP_ID } from '../../../electron/common/api/inline-bootstrap.js';
import { createKioskPage, ssrBundleFor } from '../../../electron/node-core/kiosk-page.js';
import { silentLogger } from '../../../electron/node-core/log/logger.js';
import { rendererDir } from '../../../electron/node-core/paths.js';
import { capturingLogger, useTestCores } from '../fixtures/core.js';

const english = JSON.parse(readFileSync(new URL('../../../renderer/src/lib/i18n/en.json', import.meta.url), 'utf8')) as Record<string, string>;
const spanish = JSON.parse(readFileSync(new URL('../../../content/ui.es.json', import.meta.url), 'utf8')) as Record<string, string>;

beforeAll(() => {
  expect(existsSync(ssrBundleFor(rendererDir)), 'the SSR bundle is missing: run "node scripts/build.mjs" first').toBe(true);
});

const { startCore: testCore, tempDir } = useTestCores('kiosk-page-');

/** The core's API with getBootstrap's answer changed by `edit` (read afresh at every call). */
function withBootstrap(api: KioskApi, edit: (bootstrap: Bootstrap) => Bootstrap): KioskApi {
  return { ...api, getBootstrap: async (input) => edit(await api.getBootstrap(input)) };
}

const appMarkup = (html: string) => /<div id="app">([^]*?)<\/div>\s*<script type="application\/json"/.exec(html)?.[1] ?? '';

describe('the kiosk page', () => {
  it('carries the welcome screen, rendered from the bootstrap it inlines, and the stylesheet inline', async () => {
    const { core } = testCore();
    const bootstrap = await core.api.getBootstrap({});
    const html = await createKioskPage({ api: core.api, rendererDir, logger: silentLogger() })();

    const app = appMarkup(html);
    expect(app).toContain(`>${bootstrap.content.title}</h1>`);
    expect(app).toMatch(new RegExp(`<button class="button primary start[^>]*>${english['welcome.start']}<svg`));
    expect(app).toContain(`>${bootstrap.clinic.name}</span>`);
    expect(html).toContain(`<html lang="en" data-contrast="normal" style="--accent: ${bootstrap.clinic.accentColor}; --on-accent: #ffffff; font-size: 100%">`);
    expect(html).toContain(`<script type="application/json" id="${INLINE_BOOTSTRAP_ID}">`);
    // The page's own script still comes, to hydrate; its stylesheet is in the page.
    expect(html).toMatch(/<script type="module" crossorigin src="\.\/assets\/index-[\w-]+\.js"><\/script>/);
    expect(html).not.toContain('rel="stylesheet"');
    expect(html).toMatch(/<style>[^<]*\.welcome[^<]*<\/style>/);
  });

  it('is in the language of the bootstrap it is given', async () => {
    const { core } = testCore();
    const es = await core.api.getLocale({ locale: 'es' });
    const api = withBootstrap(core.api, (bootstrap) => ({ ...bootstrap, ...es }));
    const html = await createKioskPage({ api, rendererDir, logger: silentLogger() })();

    expect(html).toMatch(/^<!doctype html>\s*<html lang="es" /);
    const app = appMarkup(html);
    expect(app).toContain(`>${es.content.title}</h1>`);
    expect(app).toContain(`>${spanish['welcome.start']}<svg`);
    expect(app).not.toContain(`>${english['welcome.start']}<svg`);
  });

  it("escapes the clinic's name, and takes `$&` in it as text", async () => {
    const { core } = testCore();
    const name = `<script>alert(1)</script> "Smith & $& $' Sons"`;
    const api = withBootstrap(core.api, (bootstrap) => ({ ...bootstrap, clinic: { ...bootstrap.clinic, name } }));
    const html = await createKioskPage({ api, rendererDir, logger: silentLogger() })();

    expect(html).not.toContain('<script>alert(1)');
    expect(appMarkup(html)).toContain(`>&lt;script>alert(1)&lt;/script> "Smith &amp; $&amp; $' Sons"</span>`);
    // The page around it is whole: one app element, one data block, one closing body.
    expect(html.match(/<div id="app">/g)).toHaveLength(1);
    expect(html.match(/<\/body>/g)).toHaveLength(1);
  });

  it('is rendered again when the bootstrap changes, and only then', async () => {
    const { core } = testCore();
    let name = 'North Clinic';
    const api = withBootstrap(core.api, (bootstrap) => ({ ...bootstrap, clinic: { ...bootstrap.clinic, name } }));
    const page = createKioskPage({ api, rendererDir, logger: silentLogger() });
    const first = await page();
    expect(await page()).toBe(first);
    name = 'South Clinic';
    const second = await page();
    expect(second).toContain('>South Clinic</span>');
    expect(second).not.toContain('North Clinic');
  });

  it('without the SSR bundle goes out with the bootstrap alone, and says why in no error', async () => {
    const { core } = testCore();
    const alone = tempDir();
    cpSync(rendererDir, join(alone, 'renderer'), { recursive: true });
    const { logger, lines } = capturingLogger();
    const html = await createKioskPage({ api: core.api, rendererDir: join(alone, 'renderer'), logger })();

    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain(`id="${INLINE_BOOTSTRAP_ID}"`);
    expect(lines().filter((line) => (line.level as number) >= 40)).toEqual([]);
  });

  it('when rendering fails goes out with the bootstrap alone, and logs it', async () => {
    const { core } = testCore();
    // A bootstrap the welcome screen cannot be drawn from: the render throws.
    const api = withBootstrap(core.api, (bootstrap) => ({ ...bootstrap, content: { ...bootstrap.content, journey: null } }) as unknown as Bootstrap);
    const { logger, text } = capturingLogger();
    const html = await createKioskPage({ api, rendererDir, logger })();

    expect(html).toContain('<div id="app"></div>');
    expect(html).toContain(`id="${INLINE_BOOTSTRAP_ID}"`);
    expect(text()).toContain('the welcome screen could not be rendered on the server');
  });
});
