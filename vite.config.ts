import { svelte } from '@sveltejs/vite-plugin-svelte';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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

/**
 * Marks the entry chunk with V8's compile hint, so Chromium compiles all of it while the script
 * streams in (off the main thread) instead of compiling each function on its first call: the
 * patient's first tap (Start) no longer waits for V8 to compile the screens it opens.
 */
function compileHint(): Plugin {
  return {
    name: 'kiosk-compile-hint',
    apply: (_config, env) => env.command === 'build' && !env.isSsrBuild,
    // On the written file: Vite's own generateBundle rewrites the entry's code after other plugins.
    writeBundle(options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
        const file = join(options.dir!, chunk.fileName);
        writeFileSync(file, `//# allFunctionsCalledOnLoad\n${readFileSync(file, 'utf8')}`);
      }
    },
  };
}

/**
 * Two builds from one config: the page (dist/renderer), and with `--ssr` the server render of its
 * first screen (`vite build --ssr src/ssr.ts`, to dist/renderer-ssr; see scripts/build.mjs). The
 * SSR bundle carries Svelte's server runtime inside it: the shells load it from dist, where
 * node_modules holds only the runtime dependencies.
 */
export default defineConfig(({ isSsrBuild }) => ({
  root: 'renderer',
  base: './',
  // The Svelte config sits at the top level (svelte-check reads it there), not in the Vite root.
  plugins: [cspMeta(), svelte({ configFile: fileURLToPath(new URL('./svelte.config.js', import.meta.url)) }), compileHint()],
  // The renderer shares the API contract and content types with the Node side, and nothing else.
  resolve: { alias: { '@common': fileURLToPath(new URL('./electron/common', import.meta.url)) } },
  ssr: { noExternal: true },
  build: isSsrBuild
    ? { outDir: '../dist/renderer-ssr', emptyOutDir: true, target: 'node20', copyPublicDir: false, minify: false }
    : {
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
}));
