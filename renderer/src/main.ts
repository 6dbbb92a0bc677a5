import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { takeInlineBootstrap } from './state/bootstrap.svelte';
import './app.css';

const target = document.getElementById('app')!;
const inline = takeInlineBootstrap();
// The shells send the welcome screen already rendered from the inlined bootstrap (ssr.ts): it was
// painted before this script ran, and hydrating adopts it as it stands. Without a usable bootstrap
// that markup cannot be matched, so it goes and the app mounts afresh (and asks the API).
if (inline && target.hasChildNodes()) hydrate(App, { target, props: { inline } });
else {
  target.replaceChildren();
  mount(App, { target, props: { inline } });
}
