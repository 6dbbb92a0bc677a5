import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicy } from './electron/common/csp.js';

/**
 * The built index.html carries the page's CSP as a <meta> too, so the policy holds even where a
 * header is lost. Only in the build: the dev server injects inline scripts for hot reload.
 */
function cspMeta(): Plugin {
  const policy = contentSecurityPolicy({ connect: 'self', forMeta: true });
  return {
    name: 'kiosk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: policy }, injectTo: 'head-prepend' }],
  };
}

// The patient UI. Built to dist/renderer and served by either shell; it needs no network.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The Svelte config sits at the top level (svelte-check reads it there), not in the Vite root.
  plugins: [cspMeta(), svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  // The renderer shares the API contract and content types with the Node side, and nothing else.
  resolve: { alias: { '@common': fileURLToPath(new URL('./electron/common', import.meta.url)) } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` points this at a running browser-shell server.
    proxy: process.env.KIOSK_API_ORIGIN ? { '/api': { target: process.env.KIOSK_API_ORIGIN, changeOrigin: true } } : undefined,
  },
});
