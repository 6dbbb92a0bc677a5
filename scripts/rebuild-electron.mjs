#!/usr/bin/env node
// `npm run rebuild:electron`: builds better-sqlite3 for the installed Electron into native/electron/,
// leaving node_modules (Node's build, for the CLI, the browser shell and the tests) untouched.
// The Electron main process loads this file through better-sqlite3's `nativeBinding` option
// (electron/node/storage/native-binding.ts); `npm run dist` packs it (electron-builder.yml).
//
// Needs internet: @electron/rebuild downloads Electron's headers (or a prebuilt binary). It builds
// for this machine's OS and CPU, so build each platform's package on that platform.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { rebuild } from '@electron/rebuild';

const root = new URL('..', import.meta.url).pathname;
const versionOf = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
const electronVersion = versionOf('electron');
const sqliteVersion = versionOf('better-sqlite3');
const work = join(root, 'native', '.work');
const target = join(root, 'native', 'electron');

// A scratch project holding a copy of better-sqlite3 (its sources, not Node's build).
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'node_modules'), { recursive: true });
cpSync(join(root, 'node_modules', 'better-sqlite3'), join(work, 'node_modules', 'better-sqlite3'), {
  recursive: true,
  filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
});
writeFileSync(join(work, 'package.json'), JSON.stringify({ name: 'kiosk-electron-native', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }));

console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${process.platform}-${process.arch}) …`);
try {
  await rebuild({ buildPath: work, electronVersion, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
} catch (error) {
  console.error(`Could not build better-sqlite3 for Electron ${electronVersion}: ${error.message}`);
  console.error('This needs internet access (Electron headers) and a C++ toolchain (build-essential, python3).');
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
mkdirSync(target, { recursive: true });
cpSync(join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node'), join(target, 'better_sqlite3.node'));
writeFileSync(
  join(target, 'build-info.json'),
  `${JSON.stringify({ electron: electronVersion, betterSqlite3: sqliteVersion, platform: process.platform, arch: process.arch }, null, 2)}\n`,
);
rmSync(work, { recursive: true, force: true });
console.log(`Done: ${join(target, 'better_sqlite3.node')}`);
