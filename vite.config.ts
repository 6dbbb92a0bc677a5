import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The patient UI. Built to dist/renderer and served by either shell; it needs no network.
export default defineConfig({
  root: 'renderer',
  base: './',
  // The Svelte config sits at the top level (svelte-check reads it there), not in the Vite root.
  plugins: [svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) })],
  // The renderer shares the API contract and content types with the Node side, and nothing else.
  resolve: { alias: { '@common': fileURLToPath(new URL('./electron/common', import.meta.url)) } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Both shells run Chromium, which supports <link rel="modulepreload">: the polyfill is dead weight.
    modulePreload: { polyfill: false },
    reportCompressedSize: true,
  },
  server: {
    // `npm run dev` points this at a running browser-shell server.
    proxy: process.env.KIOSK_API_ORIGIN ? { '/api': { target: process.env.KIOSK_API_ORIGIN, changeOrigin: true } } : undefined,
  },
});
