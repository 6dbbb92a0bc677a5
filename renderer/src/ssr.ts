/**
 * The SSR entry (built to dist/renderer-ssr/ssr.js; see scripts/build.mjs): the app in its first
 * state, rendered in Node by Svelte from the bootstrap the shell inlines beside it. The markup comes
 * from the same components the page hydrates, so the welcome screen has one source.
 */
import type { Bootstrap } from '@common/api/contract';
import type { RenderedWelcome, WelcomeRenderer } from '@common/api/inline-bootstrap';
import { render } from 'svelte/server';
import App from './App.svelte';
import { rootAttributes } from './lib/root-attributes';
import { DisplaySettings } from './state/display.svelte';

const escapeAttribute = (value: string) => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

export function renderWelcome(bootstrap: Bootstrap): RenderedWelcome {
  const { head, body } = render(App, { props: { inline: bootstrap } });
  // A new patient's display: the defaults, as KioskShell starts them.
  const { highContrast, textSize } = new DisplaySettings();
  const root = rootAttributes({ accentColor: bootstrap.clinic.accentColor, highContrast, textSize, locale: bootstrap.content.locale });
  const style = Object.entries(root.style)
    .map(([name, value]) => `${name}: ${value}`)
    .join('; ');
  const htmlAttributes = `lang="${escapeAttribute(root.lang)}" data-contrast="${root.contrast}" style="${escapeAttribute(style)}"`;
  return { htmlAttributes, head, body };
}

renderWelcome satisfies WelcomeRenderer['renderWelcome'];
