#!/usr/bin/env node
// `npm run audit:electron`: Electronegativity's checks of the Electron shell. Fails on any finding
// above LOW, except PRELOAD_JS_CHECK, which flags every preload for review (ours was reviewed: it
// exposes one ipcRenderer.invoke per API method and nothing else; see README "Security").
//
// Electronegativity reads .js/.ts/.html but not .cjs, so it reads the TypeScript sources of the
// main process and the preload, with the BUILT index.html (for its CSP <meta>) beside them.
// It runs offline: the check that downloads Electron's release list is left out (the Electron
// version is pinned in package.json and updated on purpose). It is called as a library, not
// through its CLI: the CLI's CSV report writes its header and its rows with two racing writes, and
// under load the header overwrote the first row.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const electronegativity = createRequire(import.meta.url)('@doyensec/electronegativity');

const root = new URL('..', import.meta.url).pathname;
const ALLOWED = new Set(['PRELOAD_JS_CHECK']);
const AT_MOST = new Set(['INFORMATIONAL', 'LOW']);

execFileSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
const stage = mkdtempSync(join(tmpdir(), 'kiosk-electronegativity-'));
try {
  cpSync(join(root, 'electron'), join(stage, 'electron'), { recursive: true });
  for (const page of ['index.html', 'resting.html']) cpSync(join(root, 'dist', 'renderer', page), join(stage, page));
  cpSync(join(root, 'package.json'), join(stage, 'package.json'));
  const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
  const result = await electronegativity({
    input: stage,
    isRelative: true,
    isVerbose: false,
    customScan: [],
    excludeFromScan: ['availablesecurityfixesglobalcheck'],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  });
  if (result.errors.length > 0) {
    console.error('Electronegativity could not read some files:', result.errors);
    process.exit(1);
  }
  const findings = result.issues.map((issue) => ({
    issue: issue.id,
    severity: issue.severity.name,
    where: `${issue.file}:${issue.location.line}:${issue.location.column}`,
    description: issue.description,
  }));
  for (const finding of findings) console.log(`${finding.severity.padEnd(13)} ${finding.issue}  ${finding.where}  ${finding.description}`);
  const failing = findings.filter((finding) => !AT_MOST.has(finding.severity) && !ALLOWED.has(finding.issue));
  console.log(`\nElectronegativity (Electron ${electronVersion}): ${findings.length} findings, ${failing.length} above LOW that are not allowed.`);
  process.exit(failing.length === 0 ? 0 : 1);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
