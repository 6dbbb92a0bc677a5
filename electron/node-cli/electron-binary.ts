/**
 * Finds the Electron binary that the `electron` npm package would run, without running the package:
 * since Electron 42 its main module *downloads* a missing binary on first require, which cannot work
 * here and must never happen on a clinic machine. So we read the same files it reads, and only look.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronLookup = { found: true; binary: string } | { found: false; reason: string };

export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): ElectronLookup {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { found: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, executable ?? 'electron');
    return existsSync(binary) ? { found: true, binary } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${binary}` };
  }
  if (!executable) return { found: false, reason: 'the Electron binary was never downloaded (electron/path.txt is absent)' };
  const binary = join(packageDir, 'dist', executable);
  return existsSync(binary) ? { found: true, binary } : { found: false, reason: `the Electron binary is missing at ${binary}` };
}
