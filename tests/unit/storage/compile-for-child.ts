/**
 * Child processes in these tests need the storage code as plain JavaScript, and there is no
 * compiled output at test time (and no tsx). So we transpile the TypeScript ourselves with the
 * `typescript` package's transpileModule, a syntax-only step that takes milliseconds, into a temp
 * dir that mirrors `electron/`, with a `package.json` declaring ESM and a copy of the few runtime
 * packages the store needs. Copies, not links: a child running as another user (see the read-only
 * tests) may not be allowed into the checkout at all, e.g. when CI clones under /root.
 */
import { chmodSync, copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** What the store imports: the pure shared code and the storage layer, nothing else. */
const SOURCE_DIRS = ['electron/common', 'electron/node/storage'];

/** Returns the path of the compiled `feedback-store.js` inside `outDir`. */
export function compileStorageForChild(outDir: string): string {
  for (const dir of SOURCE_DIRS) {
    for (const entry of readdirSync(join(repo, dir), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const source = join(entry.parentPath, entry.name);
      const target = join(outDir, relative(repo, source)).replace(/\.ts$/, '.js');
      const { outputText } = ts.transpileModule(readFileSync(source, 'utf8'), {
        fileName: source,
        compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      });
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
  }
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  copyRuntimePackages(join(outDir, 'node_modules'));
  chmodSync(outDir, 0o755); // mkdtemp makes 0700; a child running as another user must get in
  return join(outDir, 'electron/node/storage/feedback-store.js');
}

/** The store's runtime dependencies, without better-sqlite3's C sources and build intermediates. */
const RUNTIME_PACKAGES = ['better-sqlite3', 'bindings', 'file-uri-to-path', 'valibot'];
const BUILD_ONLY = /[\\/](deps|src|obj(\.target)?|\.deps)([\\/]|$)/;

function copyRuntimePackages(target: string): void {
  for (const name of RUNTIME_PACKAGES) {
    // npm installs them flat at the top of node_modules (no package here is duplicated).
    const source = join(repo, 'node_modules', name);
    cpSync(source, join(target, name), { recursive: true, dereference: true, filter: (path) => !BUILD_ONLY.test(`/${relative(source, path)}`) });
  }
}

/** Copies a child script from fixtures/ next to the compiled store, where any user can read it. */
export function childFixture(outDir: string, name: string): string {
  const copy = join(outDir, name);
  copyFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), copy);
  chmodSync(copy, 0o644);
  return copy;
}
