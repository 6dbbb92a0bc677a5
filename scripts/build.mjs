#!/usr/bin/env node
// Builds everything the shells run: the Node side (tsc), the renderer, its server render of the
// welcome screen (the SSR bundle both shells put into the page), the main and preload bundles (Vite),
// then validates the bundled content pack, so a broken pack never ships.
// With --if-stale it does nothing when dist/ is newer than every source file.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'dist', '.build-stamp');
const sources = [
  'electron',
  'renderer',
  'content',
  'package.json',
  'vite.config.ts',
  'vite.electron.config.ts',
  'svelte.config.js',
  'tsconfig.base.json',
  'tsconfig.node.json',
  'tsconfig.electron.json',
  'scripts/build.mjs',
];

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const newestSource = Math.max(
    ...sources
      .map((s) => join(root, s))
      .filter(existsSync)
      .map(newestMtime),
  );
  if (statSync(stamp).mtimeMs >= newestSource) {
    console.log('Build is up to date.');
    process.exit(0);
  }
}

const run = (command, args) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });
const bin = (name) => join(root, 'node_modules', '.bin', name);

console.log('Building the Node side (tsc) …');
run(bin('tsc'), ['-p', 'tsconfig.node.json']);
console.log('Building the renderer, its SSR bundle, and the Electron main and preload bundles (Vite) …');
run(bin('vite'), ['build', '--logLevel', 'warn']);
run(bin('vite'), ['build', '--ssr', 'src/ssr.ts', '--logLevel', 'warn']);
for (const mode of ['main', 'preload']) run(bin('vite'), ['build', '--config', 'vite.electron.config.ts', '--mode', mode, '--logLevel', 'warn']);
console.log('Validating the bundled content pack …');
run(process.execPath, [join(root, 'bin', 'clinic-kiosk.js'), 'validate-content']);
writeFileSync(stamp, new Date().toISOString() + '\n');
