#!/usr/bin/env node
// `npm run dev`: the renderer with hot reload, talking to a real browser-shell server.
// The server runs from a fresh tsc build with its data in .kiosk-data/ (git-ignored).
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.node.json'], { cwd: root, stdio: 'inherit' });

const server = spawn(process.execPath, [join(root, 'bin', 'clinic-kiosk.js'), 'serve', '--port', '0', '--data-dir', join(root, '.kiosk-data')], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
const lines = createInterface({ input: server.stdout });
let origin = null;
for await (const line of lines) {
  const ready = line.match(/^Kiosk ready at (\S+)/)?.[1];
  origin ??= ready ? new URL(ready).origin : null;
  const token = ready?.match(/#token=(\S+)/)?.[1];
  if (origin && token) {
    const vite = spawn(join(root, 'node_modules', '.bin', 'vite'), ['--port', '5173', '--strictPort'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, KIOSK_API_ORIGIN: origin },
    });
    console.log(`\nDev kiosk: http://localhost:5173/#token=${token}\n`);
    const stop = () => {
      vite.kill();
      server.kill();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    vite.on('exit', () => server.kill());
    break;
  }
}
