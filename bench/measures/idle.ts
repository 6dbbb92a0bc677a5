/**
 * Issue 12, measure 4: the welcome screen's main-thread busy time while nobody touches it, from
 * CDP's `Performance.getMetrics` (TaskDuration: time the renderer's main thread spent in tasks),
 * over a fixed window after the screen has settled. At normal speed (budgeted) and at 4× (reference).
 */
import type { Browser } from 'playwright-core';
import { settle, ui } from '../../tests/e2e/fixtures.js';
import { BUDGETS } from '../budgets.js';
import { round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';

async function busyPercent(browser: Browser, url: string, windowMs: number, throttle: number): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
    await cdp.send('Performance.enable', { timeDomain: 'timeTicks' });
    await page.goto(url);
    await ui.start(page).waitFor();
    await settle(page);
    const read = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      const value = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      return { busy: value('TaskDuration'), at: value('Timestamp') };
    };
    const before = await read();
    // The measuring window itself: a fixed stretch of nobody touching the screen.
    await new Promise((resolve) => setTimeout(resolve, windowMs));
    const after = await read();
    return ((after.busy - before.busy) / (after.at - before.at)) * 100;
  } finally {
    await context.close();
  }
}

export async function measureIdle({ browser, kiosk, quick }: BenchContext): Promise<Figure[]> {
  const windowMs = quick ? 2_000 : 10_000;
  const measure = 'Idle welcome screen';
  return [
    {
      key: 'idle.busyPercent',
      measure,
      label: `main thread busy over ${windowMs / 1000} s, normal speed`,
      value: round(await busyPercent(browser, kiosk.kioskUrl, windowMs, 1)),
      unit: '%',
      budget: BUDGETS.idleBusyPercent,
    },
    {
      key: 'idle.busyPercentThrottled',
      measure,
      label: `main thread busy over ${windowMs / 1000} s, 4× throttle`,
      value: round(await busyPercent(browser, kiosk.kioskUrl, windowMs, 4)),
      unit: '%',
    },
  ];
}
