import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import packageJson from './package.json' with { type: 'json' };

/**
 * The Electron main process and the preload, each bundled into ONE CommonJS file
 * (`vite build --config vite.electron.config.ts --mode main|preload`):
 * - the preload runs sandboxed, where only CommonJS and a few built-ins load;
 * - main is CommonJS because Electron still has open bugs loading an ESM main from an asar.
 * `electron`, Node's built-ins and the runtime dependencies stay external: they are required from
 * node_modules at run time (better-sqlite3 is native; pino loads files of its own).
 */
const entries = {
  main: { entry: 'electron/electron-main/main.ts', outDir: 'dist/electron/electron-main', file: 'main.cjs' },
  preload: { entry: 'electron/electron-preload/preload.ts', outDir: 'dist/electron/electron-preload', file: 'preload.cjs' },
} as const;

export default defineConfig(({ mode }) => {
  const target = entries[mode as keyof typeof entries];
  if (!target) throw new Error(`vite.electron.config.ts: --mode must be "main" or "preload", not "${mode}"`);
  const external = ['electron', ...builtinModules, ...builtinModules.map((name) => `node:${name}`), ...Object.keys(packageJson.dependencies)];
  return {
    // The core finds its files from its own module's URL; in a CommonJS bundle that is __filename's.
    define: { 'import.meta.url': 'require("node:url").pathToFileURL(__filename).href' },
    build: {
      outDir: target.outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      sourcemap: false,
      lib: { entry: target.entry, formats: ['cjs'], fileName: () => target.file },
      rolldownOptions: { external: (id: string) => external.some((name) => id === name || id.startsWith(`${name}/`)) },
    },
  };
});
