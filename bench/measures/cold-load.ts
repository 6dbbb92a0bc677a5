/**
 * Issue 12, measure 3: browser-shell cold load to the welcome screen's Start button painted, median
 * of fresh browser contexts, against a static HTML page with the same heading and button served the
 * same way in the same run: the same server code (sirv, headers, the page route) in one process,
 * one kiosk core, two renderer folders. Both pages are timed by the same paint probe.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startBrowserShell } from '../../electron/browser-shell/server.js';
import { startKioskCore } from '../../electron/node/kiosk-core.js';
import { silentLogger } from '../../electron/node/log/logger.js';
import { readContentPack, t } from '../../tests/e2e/fixtures.js';
import { BUDGETS } from '../budgets.js';
import { median, round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';
import { addProbes } from '../lib/probes.js';

/** The floor: the welcome screen's heading and Start button as plain HTML, no script. */
function baselinePage(title: string, start: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" href="data:," />
    <title>Clinic Kiosk</title>
    <style>
      html, body { margin: 0; height: 100%; background: #f7f3ee; color: #2b2622; font-family: 'Atkinson Hyperlegible', 'Segoe UI', 'DejaVu Sans', system-ui, sans-serif; }
      main { height: 100%; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 1.5rem; text-align: center; }
      h1 { font-size: 4rem; max-width: 18ch; margin: 0; }
      button { font: inherit; font-size: 2.5rem; min-height: 7rem; min-width: 22rem; border-radius: 3.5rem; border: 0; background: #2f6f73; color: #fff; }
    </style>
  </head>
  <body>
    <main><h1>${title}</h1><button type="button">${start}</button></main>
  </body>
</html>
`;
}

async function startPaintedAt(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await addProbes(page, t('welcome.start'));
    await page.goto(url);
    // performance.now() counts from the navigation's start, in both pages.
    return await page.waitForFunction(() => window.benchProbe.startPaintedAt).then((handle) => handle.jsonValue() as Promise<number>);
  } finally {
    await context.close();
  }
}

export async function measureColdLoad({ browser, quick, repoRoot, tmpDir }: BenchContext): Promise<Figure[]> {
  const loads = quick ? 3 : 10;
  const dataDir = join(tmpDir, 'cold-load');
  const baselineDir = join(tmpDir, 'cold-load-baseline');
  mkdirSync(baselineDir, { recursive: true });
  writeFileSync(join(baselineDir, 'index.html'), baselinePage(readContentPack().pack.title, t('welcome.start')));

  const logger = silentLogger();
  const core = startKioskCore({ dataDir, logger, shell: { servesDownloads: true, quit: () => undefined } });
  const kiosk = await startBrowserShell({ api: core.api, rendererDir: join(repoRoot, 'dist', 'renderer'), logger, port: 0 });
  const baseline = await startBrowserShell({ api: core.api, rendererDir: baselineDir, logger, port: 0 });
  const kioskTimes: number[] = [];
  const baselineTimes: number[] = [];
  try {
    // Taking turns, so a noisy moment on the machine hits both.
    for (let load = 0; load < loads; load++) {
      kioskTimes.push(await startPaintedAt(browser, kiosk.kioskUrl));
      baselineTimes.push(await startPaintedAt(browser, baseline.kioskUrl));
    }
  } finally {
    await kiosk.close();
    await baseline.close();
    core.close();
  }
  const ours = median(kioskTimes);
  const floor = median(baselineTimes);
  const measure = 'Cold load';
  return [
    {
      key: 'coldLoad.ratio',
      measure,
      label: `Start painted vs static page, median of ${loads} fresh contexts`,
      value: round(ours / floor),
      unit: '×',
      budget: BUDGETS.coldLoadRatio,
    },
    { key: 'coldLoad.kioskMs', measure, label: 'kiosk: Start button painted', value: round(ours, 1), unit: 'ms' },
    { key: 'coldLoad.baselineMs', measure, label: 'static page: Start button painted', value: round(floor, 1), unit: 'ms' },
  ];
}
