#!/usr/bin/env node
// `npm run dev`: the renderer with hot reload (Vite), talking to a real browser-shell server.
// The server runs from the TypeScript sources through tsx, so a fresh clone needs no build; its
// data lives in .kiosk-data/ (git-ignored). If either process fails, both stop and this exits
// non-zero.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'electron', 'node-cli', 'main.ts');
const server = spawn(process.execPath, ['--import', 'tsx', cli, 'serve', '--port', '0', '--data-dir', join(root, '.kiosk-data')], {
  cwd: root,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let vite = null;
let stopping = false;

function stop(code) {
  stopping = true;
  process.exitCode ??= code;
  vite?.kill();
  server.kill();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.on('exit', (code, signal) => {
  if (!stopping) {
    console.error(`npm run dev: the kiosk server stopped (${signal ?? `exit code ${code}`}); see its output above.`);
    stop(1);
  }
});

let origin = null;
for await (const line of createInterface({ input: server.stdout })) {
  console.log(line);
  // "Kiosk ready at http://127.0.0.1:PORT/#token=…": the API's origin, and this launch's token.
  const ready = line.match(/^Kiosk ready at (\S+)/)?.[1];
  origin ??= ready ? new URL(ready).origin : null;
  const token = ready?.match(/#token=(\S+)/)?.[1];
  if (!vite && origin && token) {
    vite = spawn(join(root, 'node_modules', '.bin', 'vite'), ['--port', '5173', '--strictPort'], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, KIOSK_API_ORIGIN: origin },
    });
    console.log(`\nDev kiosk: http://localhost:5173/#token=${token}\n`);
    vite.on('exit', (code, signal) => {
      if (stopping) return;
      console.error(`npm run dev: Vite stopped (${signal ?? `exit code ${code}`}).`);
      stop(code === 0 ? 0 : 1);
    });
  }
}
