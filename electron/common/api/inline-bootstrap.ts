/**
 * Both shells put the bootstrap into the page they serve (electron/node-core/kiosk-page.ts), beside the
 * welcome screen rendered from it, so the first paint is the real welcome screen instead of a
 * "Getting ready…" placeholder waiting on a round trip. Only public data
 * travels this way (content, clinic name, colour and logo, idle timings: all shown to anyone at the
 * screen); the API token never does. The element is a JSON data block, which CSP's script-src does
 * not govern because it is never executed.
 */
import type { Bootstrap } from './contract.js';

export const INLINE_BOOTSTRAP_ID = 'kiosk-bootstrap';

/** A `<script type="application/json">` element holding `bootstrap`, safe to put in HTML. */
export function inlineBootstrapElement(bootstrap: Bootstrap): string {
  // Every `<` as \u003c: the text can then never close the element or open a comment (JSON.parse reads it back).
  const json = JSON.stringify(bootstrap).replaceAll('<', '\\u003c');
  return `<script type="application/json" id="${INLINE_BOOTSTRAP_ID}">${json}</script>`;
}

/**
 * The welcome screen rendered on the server from the same bootstrap (renderer/src/ssr.ts, built to
 * dist/renderer-ssr/ssr.js), for the shells to put into the page beside it: the first paint is then
 * the real welcome screen, before any script has run, and the page hydrates it.
 */
export interface RenderedWelcome {
  /** Attributes for `<html>`: language, contrast, the clinic's accent. */
  htmlAttributes: string;
  head: string;
  /** Goes inside `<div id="app">`. */
  body: string;
}

/** What the SSR bundle exports. */
export interface WelcomeRenderer {
  renderWelcome(bootstrap: Bootstrap): RenderedWelcome;
}
