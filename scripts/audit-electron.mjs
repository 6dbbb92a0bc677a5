#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity's checks of the Electron shell. Fails on any finding
// above LOW, except PRELOAD_JS_CHECK, which flags every preload for review (ours was reviewed: it
// exposes one ipcRenderer.invoke per API method and nothing else; see README "Security").
//
// Electronegativity reads .js/.ts/.html but not .cjs, so it reads the TypeScript sources of the
// main process and the preload, with the BUILT index.html (for its CSP <meta>) beside them.
// It runs offline: the check that downloads Electron's release list is left out (the Electron
// version is pinned in package.json and updated on purpose).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

const root = new URL('..', import.meta.url).pathname;
const ALLOWED = new Set(['PRELOAD_JS_CHECK']);
const AT_MOST = new Set(['INFORMATIONAL', 'LOW']);

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
const stage = mkdtempSync(join(tmpdir(), 'kiosk-electronegativity-'));
try {
  cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true });
  for (const page of ['index.html', 'resting.html']) cpSync(join(root, 'dist', 'renderer', page), join(stage, page));
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  const report = join(stage, 'electronegativity.csv');
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const run = spawnSync(
    join(root, 'node_modules', '.bin', 'electronegativity'),
    ['-i', stage, '-r', '-v', 'false', '-e', electronVersion, '-x', 'AvailableSecurityFixesGlobalCheck', '-o', report],
    { cwd: root, encoding: 'utf8', timeout: 180_000 },
  );
  if (run.status !== 0 || !existsSync(report)) {
    console.error(`Electronegativity did not finish (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }
  const findings = parse(readFileSync(report, 'utf8'), { columns: true, trim: true });
  for (const finding of findings) console.log(`${finding.severity.padEnd(13)} ${finding.issue}  ${finding.filename}:${finding.location}  ${finding.description}`);
  const failing = findings.filter((finding) => !AT_MOST.has(finding.severity) && !ALLOWED.has(finding.issue));
  console.log(`\nElectronegativity (Electron ${electronVersion}): ${findings.length} findings, ${failing.length} above LOW that are not allowed.`);
  process.exit(failing.length === 0 ? 0 : 1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
