/**
 * Issue 12, measure 2: tap latency over the whole journey, feedback included, at 4× CPU throttle
 * (CDP `Emulation.setCPUThrottlingRate`), from Event Timing entries; each run is a fresh browser
 * context, so its first tap (Start) is a cold one. Also tap → next heading painted (the probe).
 *
 * Event Timing reports only interactions of 16 ms or more (`durationThreshold: 16`); a tap without
 * an entry was faster than that, and counts as 16 ms: an upper bound, so the figure errs high.
 */
import type { Browser } from 'playwright-core';
import { t } from '../../tests/e2e/fixtures.js';
import { BUDGETS } from '../budgets.js';
import { percentile, round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';
import { journeySteps, walkJourney } from '../lib/journey.js';
import { addProbes, interactionLatencies, readProbes } from '../lib/probes.js';

const THROTTLE = 4;
const UNREPORTED_MS = 16;

async function oneRun(browser: Browser, url: string) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
  try {
    const page = await context.newPage();
    await addProbes(page, t('welcome.start'));
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.goto(url);
    await page.waitForFunction(() => window.benchProbe.startPaintedAt !== null);
    const taps = await walkJourney(page, journeySteps());
    // Event Timing entries are delivered after the frame that shows a tap's result: wait for one more.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const probe = await readProbes(page);
    const latencies = [...interactionLatencies(probe.events).values()];
    if (latencies.length > taps) throw new Error(`${latencies.length} interactions reported for ${taps} taps`);
    const all = [...latencies, ...Array<number>(taps - latencies.length).fill(UNREPORTED_MS)];
    // The first tap is Start: its pointerdown is the earliest tap the heading probe saw.
    const firstTapAt = Math.min(...probe.headingPaints.map((p) => p.tapAt));
    const firstEntry = probe.events.find((e) => Math.abs(e.startTime - firstTapAt) < 1);
    const first = firstEntry ? interactionLatencies(probe.events.filter((e) => e.interactionId === firstEntry.interactionId)).get(firstEntry.interactionId)! : UNREPORTED_MS;
    return { all, first, paints: probe.headingPaints.map((p) => p.paintedAt - p.tapAt) };
  } finally {
    await context.close();
  }
}

export async function measureTaps({ browser, kiosk, quick }: BenchContext): Promise<Figure[]> {
  const runs = quick ? 1 : 3;
  const latencies: number[] = [];
  const firsts: number[] = [];
  const paints: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await oneRun(browser, kiosk.kioskUrl);
    latencies.push(...result.all);
    firsts.push(result.first);
    paints.push(...result.paints);
  }
  const measure = `Tap latency (${THROTTLE}× CPU throttle)`;
  return [
    { key: 'tap.p75Ms', measure, label: `Event Timing p75 (${latencies.length} taps, ${runs} journeys)`, value: round(percentile(latencies, 75), 1), unit: 'ms', budget: BUDGETS.tapP75Ms },
    { key: 'tap.maxMs', measure, label: 'Event Timing max', value: round(Math.max(...latencies), 1), unit: 'ms', budget: BUDGETS.tapMaxMs },
    { key: 'tap.firstTapMs', measure, label: 'first tap (Start), worst run', value: round(Math.max(...firsts), 1), unit: 'ms' },
    { key: 'tap.headingPaintP75Ms', measure, label: `tap → next heading painted, p75 (${paints.length} taps)`, value: round(percentile(paints, 75), 1), unit: 'ms' },
    { key: 'tap.headingPaintMaxMs', measure, label: 'tap → next heading painted, max', value: round(Math.max(...paints), 1), unit: 'ms' },
  ];
}
