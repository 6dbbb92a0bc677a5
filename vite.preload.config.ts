import { defineConfig } from 'vite';

// The Electron preload runs sandboxed, where only CommonJS and a few built-ins load:
// bundle it into one .cjs file with `electron` left external.
export default defineConfig({
  build: {
    outDir: 'dist/electron/electron-preload',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    lib: { entry: 'electron/electron-preload/preload.ts', formats: ['cjs'], fileName: () => 'preload.cjs' },
    rolldownOptions: { external: ['electron'] },
  },
});
