/**
 * `npm run bench`: every measure of issue 12 against its budget, on the built browser shell and
 * Debian's Chromium. Writes bench/results.json (and results.md, the table for the README), prints
 * the table, and exits non-zero naming each broken budget.
 *
 * `npm run bench -- --quick` is the smoke version CI runs (about a minute): small counts, and it
 * fails only when a measure produced no figure; budgets are printed with pass/FAIL but judged only
 * by the full run (see verdict.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startKioskServer, stopKioskServer } from '../tests/e2e/fixtures.js';
import type { Figure } from './figures.js';
import type { BenchContext } from './lib/context.js';
import { describeMachine } from './lib/machine.js';
import { measureBundle } from './measures/bundle.js';
import { measureColdLoad } from './measures/cold-load.js';
import { measureExport } from './measures/export.js';
import { measureIdle } from './measures/idle.js';
import { measureSoak } from './measures/soak.js';
import { measureStorage } from './measures/storage.js';
import { measureSync } from './measures/sync.js';
import { measureTaps } from './measures/taps.js';
import { markdownTable, textTable } from './report.js';
import { judge } from './verdict.js';

const MEASURES: [name: string, run: (context: BenchContext) => Promise<Figure[]>][] = [
  ['Bundle', measureBundle],
  ['Tap latency', measureTaps],
  ['Cold load', measureColdLoad],
  ['Idle welcome screen', measureIdle],
  ['Memory soak', measureSoak],
  ['Storage', measureStorage],
  ['Export', measureExport],
  ['Sync', measureSync],
];

const quick = process.argv.includes('--quick');
/** `--only=export,storage`: run some measures (matched by name, case-insensitive); the rest are skipped. */
const only = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .toLowerCase()
  .split(',');
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const chromiumPath = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';

async function main(): Promise<number> {
  const machine = describeMachine(repoRoot);
  const tmpDir = mkdtempSync(join(tmpdir(), 'clinic-kiosk-bench-'));
  const figures: Figure[] = [];
  const started = Date.now();
  const { server, child } = await startKioskServer(join(tmpDir, 'kiosk-data'));
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  machine.chromium = browser.version();
  const context: BenchContext = { quick, repoRoot, tmpDir, kiosk: { ...server, pid: child.pid! }, browser };
  try {
    for (const [name, run] of MEASURES) {
      if (only && !only.some((part) => name.toLowerCase().includes(part))) continue;
      process.stdout.write(`${name} …\n`);
      try {
        figures.push(...(await run(context)));
      } catch (error) {
        // One broken measure must not hide the others' figures; the run still fails below.
        figures.push({
          key: `${name}.error`,
          measure: name,
          label: 'the measure failed',
          value: null,
          unit: '',
          note: `failed: ${(error as Error).message.split('\n')[0]}`,
        });
        console.error(error);
      }
    }
  } finally {
    await browser.close();
    await stopKioskServer(child);
    rmSync(tmpDir, { recursive: true, force: true });
  }
  machine.loadAverage.atEnd = loadavg().map((l) => Math.round(l * 100) / 100);

  const { figures: judged, broken, missing, exitCode } = judge(figures, quick);

  const results = {
    mode: quick ? 'quick' : 'full',
    at: new Date().toISOString(),
    seconds: Math.round((Date.now() - started) / 1000),
    machine,
    figures: judged,
    broken,
    missing,
  };
  writeFileSync(join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(benchDir, 'results.md'), `${markdownTable(judged)}\n`);

  console.log(`\n${textTable(judged)}\n`);
  console.log(
    `${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverage.atStart.join(' ')} → ${machine.loadAverage.atEnd.join(' ')}; commit ${machine.gitCommit.slice(0, 10)}${machine.gitDirty ? ' (with uncommitted changes)' : ''}; ${results.seconds} s`,
  );
  for (const line of missing) console.error(`No figure: ${line}`);
  if (quick) {
    console.log('Quick run: budgets are not judged here (small counts on a shared machine); the full `npm run bench` judges them.');
    for (const line of broken) console.log(`Not met in this quick run: ${line}`);
  } else {
    for (const line of broken) console.error(`Budget broken: ${line}`);
  }
  return exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
