/**
 * Which compiled SQLite module (better-sqlite3's `.node` file) this process loads.
 *
 * `npm ci` builds it for Node: the CLI, the browser shell and the tests use that one. Electron has
 * its own module ABI and needs its own build, which `npm run rebuild:electron` makes into
 * `native/electron/` — never into node_modules, so the Node build keeps working. The Electron main
 * process chooses once at start (useSqliteBinding); every database opened afterwards uses it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** Where `npm run rebuild:electron` puts Electron's build, relative to the app's root. */
export const ELECTRON_BINDING_PATH = ['native', 'electron', 'better_sqlite3.node'] as const;
/** The Electron shell's exit code when it cannot load SQLite: `clinic-kiosk start` then runs the browser shell. */
export const NATIVE_MODULE_EXIT_CODE = 78;

export class NativeModuleError extends Error {}

/**
 * The Electron build's file under `appRoot`. A packaged app keeps it outside the asar archive
 * (electron-builder's asarUnpack), because the OS can only load a real file.
 */
export function electronBindingFile(appRoot: string): string {
  return join(appRoot, ...ELECTRON_BINDING_PATH).replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/**
 * The build this process should load: Electron's own only inside Electron, and only if it was
 * made. Under Node (the CLI, the tests, the main bundle under the recording stand-in) it is always
 * Node's build in node_modules, so making Electron's build (`npm run rebuild:electron`, `npm run
 * dist`) never breaks them. Inside Electron without its build, Node's build fails to load and
 * useSqliteBinding says so.
 */
export function sqliteBindingFor(
  appRoot: string,
  versions: NodeJS.ProcessVersions = process.versions,
  exists: (file: string) => boolean = existsSync,
): string | undefined {
  if (!versions.electron) return undefined;
  const file = electronBindingFile(appRoot);
  return exists(file) ? file : undefined;
}

let chosen: string | undefined;

/**
 * Loads `file` (or, without one, the build in node_modules) and opens an in-memory database with
 * it, so a wrong build fails here, at start, with one clear NativeModuleError instead of on the
 * first save.
 */
export function useSqliteBinding(file: string | undefined): void {
  try {
    new Database(':memory:', file === undefined ? {} : { nativeBinding: file }).close();
    chosen = file;
  } catch (error) {
    const runtime = process.versions.electron ? `Electron ${process.versions.electron}` : `Node ${process.versions.node}`;
    const reason = String((error as Error).message ?? error).split('\n')[0];
    throw new NativeModuleError(
      `The SQLite module ${file ?? 'in node_modules'} cannot be loaded by ${runtime} (module version ${process.versions.modules}): ${reason}`,
    );
  }
}

/** Spread into better-sqlite3's options: the chosen build, or none for the default. */
export function nativeBindingOption(): { nativeBinding?: string } {
  return chosen ? { nativeBinding: chosen } : {};
}
