/**
 * electron-builder.yml, read as electron-builder reads it. `npm run dist` cannot run here (it
 * downloads Electron), so these are the promises of the README's "Packaging" section, checked
 * where a careless edit would break them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ELECTRON_BINDING_PATH } from '../../../electron/node/storage/native-binding.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const config = parse(readFileSync(join(repoRoot, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

describe('the clinic package', () => {
  it("never rebuilds node_modules for Electron, and packs Electron's own SQLite build outside the asar", () => {
    expect(config.npmRebuild).toBe(false);
    const bindingDir = ELECTRON_BINDING_PATH.slice(0, -1).join('/');
    expect(config.files).toContain(`${bindingDir}/**/*`);
    expect(config.asarUnpack).toContain(`${bindingDir}/**/*`);
    expect(packageJson.scripts.dist).toMatch(/rebuild-electron\.mjs.*electron-builder/);
  });

  it('flips the fuses the README lists', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
  });

  it('is a deb with its depends on Linux and NSIS on Windows, with an icon and an author', () => {
    expect(config.linux.target).toEqual(['deb']);
    expect(config.deb.depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libgbm1', 'libasound2']));
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(existsSync(join(repoRoot, config.directories.buildResources, 'icon.png'))).toBe(true);
    expect(packageJson.author).toMatch(/\S+ <\S+@\S+>/);
    expect(packageJson.main).toBe('dist/electron/electron-main/main.cjs');
  });
});
