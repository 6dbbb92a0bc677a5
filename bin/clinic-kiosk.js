#!/usr/bin/env node
// The CLI runs from the compiled output; `npm run build` (or `npm start`) makes it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/electron/node-cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('clinic-kiosk: the kiosk is not built yet. Run "npm run build" first.\n');
  process.exit(1);
}
await import(entry.href);
