/**
 * Choosing the compiled SQLite module. Electron's own build cannot be made here (no Electron
 * headers offline), so the choice and its failure are checked with Node's build and with a file
 * that is no native module at all.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from './helpers.js';
import {
  electronBindingFile,
  nativeBindingOption,
  NativeModuleError,
  sqliteBindingFor,
  useSqliteBinding,
} from '../../../electron/node-core/storage/native-binding.js';

const tempDir = useTempDirs('kiosk-native-');
const nodeBuild = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

afterEach(() => useSqliteBinding(undefined));

describe('the SQLite module a process loads', () => {
  it("finds Electron's build in native/electron, outside the asar archive when packaged", () => {
    expect(electronBindingFile('/opt/kiosk')).toBe('/opt/kiosk/native/electron/better_sqlite3.node');
    expect(electronBindingFile('/opt/Clinic Kiosk/resources/app.asar')).toBe(
      '/opt/Clinic Kiosk/resources/app.asar.unpacked/native/electron/better_sqlite3.node',
    );
  });

  it("loads Electron's build only inside Electron: under Node a file at native/electron changes nothing", () => {
    // What `npm run rebuild:electron` or `npm run dist` leaves behind; a dummy, since Node cannot load Electron's build anyway.
    const appRoot = tempDir();
    const electronBuild = electronBindingFile(appRoot);
    mkdirSync(dirname(electronBuild), { recursive: true });
    writeFileSync(electronBuild, 'Electron ABI 150, not loadable by Node');

    expect(sqliteBindingFor(appRoot)).toBeUndefined();
    useSqliteBinding(sqliteBindingFor(appRoot));
    expect(nativeBindingOption()).toEqual({});

    const inElectron = { ...process.versions, electron: '45.0.0' };
    expect(sqliteBindingFor(appRoot, inElectron)).toBe(electronBuild);
    // Inside Electron without its build: Node's build, which then fails to load with one clear line.
    expect(sqliteBindingFor(tempDir(), inElectron)).toBeUndefined();
  });

  it('uses the chosen build for every database opened afterwards, and the default without one', () => {
    useSqliteBinding(nodeBuild);
    expect(nativeBindingOption()).toEqual({ nativeBinding: nodeBuild });
    useSqliteBinding(undefined);
    expect(nativeBindingOption()).toEqual({});
  });

  it('fails at once, in one line that names the file and the runtime, when the build cannot load', () => {
    const bogus = join(tempDir(), 'better_sqlite3.node');
    writeFileSync(bogus, 'not a shared library');
    let error: unknown;
    try {
      useSqliteBinding(bogus);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NativeModuleError);
    const message = (error as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain(bogus);
    expect(message).toContain(`module version ${process.versions.modules}`);
    expect(nativeBindingOption()).toEqual({});
  });
});
