/**
 * Child processes in the storage tests (a writer killed mid-loop, a writer running as the
 * unprivileged user "nobody") need the store as JavaScript that any user can read. esbuild (the
 * bundler under tsx) bundles feedback-store.ts with the shared code and valibot into one file in a
 * temp dir; better-sqlite3, a native package, is copied beside it. Copies, not links: a child
 * running as another user may not be allowed into the checkout at all (CI clones under /root).
 */
import { chmodSync, copyFileSync, cpSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** better-sqlite3 and what it loads at run time, without its C sources and build intermediates. */
const NATIVE_PACKAGES = ['better-sqlite3', 'bindings', 'file-uri-to-path'];
const BUILD_ONLY = /[\\/](deps|src|obj(\.target)?|\.deps)([\\/]|$)/;

/** Bundles the store into `outDir` and returns the path of its `feedback-store.mjs`. */
export function bundleStoreForChild(outDir: string): string {
  const outfile = join(outDir, 'feedback-store.mjs');
  buildSync({
    entryPoints: [join(repo, 'electron/node/storage/feedback-store.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: NATIVE_PACKAGES,
    logLevel: 'error',
  });
  for (const name of NATIVE_PACKAGES) {
    const source = join(repo, 'node_modules', name);
    cpSync(source, join(outDir, 'node_modules', name), {
      recursive: true,
      dereference: true,
      filter: (path) => !BUILD_ONLY.test(`/${relative(source, path)}`),
    });
  }
  chmodSync(outDir, 0o755); // mkdtemp makes 0700; a child running as another user must get in
  return outfile;
}

/** Copies a child script from fixtures/ next to the bundled store, where any user can read it. */
export function childFixture(outDir: string, name: string): string {
  const copy = join(outDir, name);
  copyFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), copy);
  chmodSync(copy, 0o644);
  return copy;
}
