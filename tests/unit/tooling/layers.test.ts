/**
 * The layer rules (.dependency-cruiser.cjs) catch a wrong import. dependency-cruiser runs, as
 * `npm run layers` does, on a temp copy of the sources: first clean, then with one file per
 * forbidden arrow added.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
let copy: string;

interface Cruise {
  code: number;
  /** "rule-name: from → to", one per violation, as the default reporter prints them. */
  violations: string[];
}

/** Runs the command of `npm run layers` in the copy. */
async function cruise(): Promise<Cruise> {
  const args = [join(repo, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs'), '--config', '.dependency-cruiser.cjs', 'electron', 'renderer'];
  const lines = (stdout: string) => [...stdout.matchAll(/^\s*error (\S+: \S+ → \S+)$/gm)].map((match) => match[1]!);
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: copy });
    return { code: 0, violations: lines(stdout) };
  } catch (error) {
    const { code, stdout } = error as { code: number; stdout: string };
    return { code, violations: lines(stdout) };
  }
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'kiosk-layers-'));
  for (const entry of ['electron', 'renderer', '.dependency-cruiser.cjs', 'tsconfig.json', 'tsconfig.base.json', 'package.json'])
    cpSync(join(repo, entry), join(copy, entry), { recursive: true });
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'));
});
afterAll(() => rmSync(copy, { recursive: true, force: true }));

/** [file to add, its source, the rule it must break] */
const WRONG_IMPORTS: [string, string, string][] = [
  ['electron/common/uses-fs.ts', `import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n`, 'common-uses-no-node'],
  ['electron/common/uses-node.ts', `export { appRoot } from '../node/paths.js';\n`, 'common-imports-only-itself'],
  ['electron/node/uses-electron.ts', `export { app } from 'electron';\n`, 'node-imports-no-electron'],
  ['electron/node/uses-shell.ts', `export { startBrowserShell } from '../browser-shell/server.js';\n`, 'node-imports-only-common-itself'],
  ['electron/node/uses-cli.ts', `export { UsageError } from '../cli/usage-error.js';\n`, 'node-imports-only-common-itself'],
  ['electron/electron-preload/uses-node.ts', `export { SETTING_KEYS } from '../node/setting-keys.js';\n`, 'electronPreload-imports-only-common-itself'],
  ['renderer/src/lib/uses-node-layer.ts', `export { rendererDir } from '../../../electron/node/paths.js';\n`, 'renderer-imports-only-common-itself'],
  [
    'renderer/src/lib/uses-collector.ts',
    `export { startCollectorServer } from '../../../electron/collector/server.js';\n`,
    'renderer-imports-only-common-itself',
  ],
  ['electron/node/uses-collector.ts', `export { startCollectorServer } from '../collector/server.js';\n`, 'node-imports-only-common-itself'],
  [
    'electron/browser-shell/uses-collector.ts',
    `export { startCollectorServer } from '../collector/server.js';\n`,
    'browserShell-imports-only-common-node-itself',
  ],
  ['electron/collector/uses-shell.ts', `export { startBrowserShell } from '../browser-shell/server.js';\n`, 'collector-imports-only-common-node-itself'],
  ['renderer/src/lib/uses-path.ts', `import { join } from 'node:path';\nexport const joined = join('a', 'b');\n`, 'renderer-uses-no-node'],
];

it('passes the sources as they are', async () => {
  expect(await cruise()).toEqual({ code: 0, violations: [] });
}, 60_000);

it('fails on each wrong import, naming the file and the rule', async () => {
  for (const [file, source] of WRONG_IMPORTS) writeFileSync(join(copy, file), source);
  const { code, violations } = await cruise();
  expect(code).not.toBe(0);
  for (const [file, , rule] of WRONG_IMPORTS)
    expect(
      violations.some((line) => line.startsWith(`${rule}: ${file} → `)),
      `${file} breaks ${rule}:\n${violations.join('\n')}`,
    ).toBe(true);
  expect(violations).toHaveLength(WRONG_IMPORTS.length);
}, 60_000);
