/**
 * The kiosk's page, as both shells serve it (the browser shell at `/`, Electron at
 * `app://kiosk/index.html`): the built index.html with this moment's bootstrap inlined (see
 * common/api/inline-bootstrap.ts) and the welcome screen already rendered from it by the SSR bundle
 * (renderer/src/ssr.ts). The first paint is the real welcome screen, before any script runs; the
 * page then hydrates it. The patient stylesheet goes inline too (the same bytes as the built
 * file): fetching it was most of the wait before the first paint. The page is built again only when
 * the bootstrap changes (an admin saved a setting). Without the SSR bundle, or if rendering fails, the page goes out with the bootstrap
 * alone and the renderer draws the screen itself; if the bootstrap cannot be read, it goes out
 * without it and the renderer asks the API. Every failure is logged, and none stops the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { KioskApi } from '../common/api/contract.js';
import { inlineBootstrapElement, type WelcomeRenderer } from '../common/api/inline-bootstrap.js';
import type { Logger } from './log/logger.js';

/** The SSR bundle for a renderer folder: built beside it (dist/renderer → dist/renderer-ssr). */
export const ssrBundleFor = (rendererDir: string) => join(dirname(rendererDir), 'renderer-ssr', 'ssr.js');

/** Returns the page's HTML for this moment. */
export type KioskPage = () => Promise<string>;

export function createKioskPage({ api, rendererDir, logger }: { api: KioskApi; rendererDir: string; logger: Logger }): KioskPage {
  let template: string | undefined;
  let renderer: Promise<WelcomeRenderer | null> | undefined;
  let last: { inline: string; html: string } | undefined;

  return async function kioskPage() {
    template ??= inlineStylesheets(readFileSync(join(rendererDir, 'index.html'), 'utf8'), rendererDir);
    let inline: string;
    let bootstrap;
    try {
      bootstrap = await api.getBootstrap({});
      inline = inlineBootstrapElement(bootstrap);
    } catch (error) {
      logger.warn({ err: error }, 'the bootstrap could not be inlined; the page will ask the API');
      return template;
    }
    if (last?.inline === inline) return last.html;
    // Replacer functions, never replacement strings: "$&" in a clinic's name must stay text.
    let html = template.replace('</body>', () => `${inline}</body>`);
    const ssr = await (renderer ??= loadRenderer(ssrBundleFor(rendererDir), logger));
    try {
      const welcome = ssr?.renderWelcome(bootstrap);
      if (welcome) {
        html = html
          .replace(/<html[^>]*>/, () => `<html ${welcome.htmlAttributes}>`)
          .replace('</head>', () => `${welcome.head}</head>`)
          .replace('<div id="app"></div>', () => `<div id="app">${welcome.body}</div>`);
      }
    } catch (error) {
      logger.warn({ err: error }, 'the welcome screen could not be rendered on the server; the page will draw it');
    }
    last = { inline, html };
    return html;
  };
}

/** Each `<link rel="stylesheet" href="./assets/….css">` of the built page as a `<style>` with the file's text. */
function inlineStylesheets(html: string, rendererDir: string): string {
  return html.replace(/<link rel="stylesheet"[^>]*? href="\.\/(assets\/[\w.-]+\.css)"[^>]*>/g, (link, file: string) => {
    const css = readFileSync(join(rendererDir, file), 'utf8');
    // Text that would end the element early stays a link (our own CSS never has it).
    return css.includes('</') ? link : `<style>${css}</style>`;
  });
}

async function loadRenderer(file: string, logger: Logger): Promise<WelcomeRenderer | null> {
  // Absent under `npm run dev` and in tests that serve a renderer folder of their own.
  if (!existsSync(file)) return null;
  try {
    return (await import(pathToFileURL(file).href)) as WelcomeRenderer;
  } catch (error) {
    logger.warn({ err: error, file }, 'the SSR bundle could not be loaded; pages will go out without the rendered welcome screen');
    return null;
  }
}
