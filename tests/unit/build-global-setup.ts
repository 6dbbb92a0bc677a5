/**
 * Vitest globalSetup for the unit tests: a few of them run what `npm run build` makes (the Electron
 * main bundle under a stand-in `electron`, the server render of the first screen), so the build runs
 * first when any source is newer than it. On a fresh clone `npm run test:unit` then needs no step
 * before it; when nothing changed it costs a stat of the sources.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const script = fileURLToPath(new URL('../../scripts/build.mjs', import.meta.url));
  // Inherited output: a failed build says why above Vitest's own report.
  execFileSync(process.execPath, [script, '--if-stale'], { stdio: 'inherit' });
}
