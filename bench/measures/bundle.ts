/**
 * Issue 12, measure 1: the JS and CSS a patient's browser loads, gzipped. That is what index.html
 * names plus everything those files import statically (`import … from "./x.js"`); chunks loaded by
 * `import()` (the staff panel, the dashboard and Chart.js) load only when staff open the panel.
 * The same build always gives the same figure.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BUDGETS } from '../budgets.js';
import { round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';

/** Static imports in Vite's minified output; `import("./x.js")` (lazy) has a parenthesis and is left out. */
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([\w.-]+\.(?:js|css))["']/g;

export function patientFiles(rendererDir: string): string[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[\w.-]+\.(?:js|css))"/g)].map((match) => match[1]!);
  const files = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (files.has(file)) continue;
    files.add(file);
    if (!file.endsWith('.js')) continue;
    for (const match of readFileSync(join(rendererDir, file), 'utf8').matchAll(STATIC_IMPORT)) queue.push(`assets/${match[1]}`);
  }
  return [...files].sort();
}

export async function measureBundle({ repoRoot }: BenchContext): Promise<Figure[]> {
  const rendererDir = join(repoRoot, 'dist', 'renderer');
  const sizes = patientFiles(rendererDir).map((file) => ({ file, gzip: gzipSync(readFileSync(join(rendererDir, file)), { level: 9 }).length }));
  const total = sizes.reduce((sum, { gzip }) => sum + gzip, 0);
  const ofKind = (ext: string) => sizes.filter(({ file }) => file.endsWith(ext)).reduce((sum, { gzip }) => sum + gzip, 0);
  const measure = 'Bundle';
  return [
    {
      key: 'bundle.patientKB',
      measure,
      label: `patient JS+CSS, gzip (${sizes.length} files)`,
      value: round(total / 1000, 1),
      unit: 'KB',
      budget: BUDGETS.bundleKB,
    },
    { key: 'bundle.patientJsKB', measure, label: 'of which JS', value: round(ofKind('.js') / 1000, 1), unit: 'KB' },
    { key: 'bundle.patientCssKB', measure, label: 'of which CSS', value: round(ofKind('.css') / 1000, 1), unit: 'KB' },
  ];
}
