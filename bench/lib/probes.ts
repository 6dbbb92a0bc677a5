/**
 * What the page records about itself, installed before the page's own scripts run
 * (`context.addInitScript`), so nothing is missed, the first tap included:
 *
 * - Event Timing: every entry with `interactionId > 0` and `durationThreshold: 16`, the measure
 *   browsers use for responsiveness (an interaction's latency is its longest entry).
 * - The heading paint probe: from a tap's pointerdown to the frame after the page's main heading
 *   changed (a new element or new text): requestAnimationFrame runs before that frame is drawn, and a
 *   message posted from it arrives once the frame has been handed to the compositor.
 * - The Start paint probe: when a button reading "Start" was first painted, by the same method.
 */
import type { Page } from 'playwright-core';
import { addNameShim } from './page-shim.js';

export interface ProbeRecord {
  /** Every pointerdown's timestamp, in order: one per tap. */
  taps: number[];
  events: { name: string; interactionId: number; duration: number; startTime: number }[];
  headingPaints: { tapAt: number; paintedAt: number; heading: string }[];
  startPaintedAt: number | null;
}

declare global {
  interface Window {
    benchProbe: ProbeRecord;
  }
}

function installProbes(startLabel: string): void {
  const record: ProbeRecord = { taps: [], events: [], headingPaints: [], startPaintedAt: null };
  window.benchProbe = record;
  const afterNextPaint = (then: (at: number) => void) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        then(performance.now());
        channel.port1.close(); // an open port with a listener is never collected
      };
      channel.port2.postMessage(null);
    });

  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as PerformanceEventTiming[]) {
      if (entry.interactionId > 0)
        record.events.push({ name: entry.name, interactionId: entry.interactionId, duration: entry.duration, startTime: entry.startTime });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);

  // The screen shown: a screen built ahead waits hidden in an inert wrapper.
  const heading = () => document.querySelector('main:not([inert] *) h1');
  let pendingTap: { at: number; heading: Element | null; text: string } | null = null;
  addEventListener(
    'pointerdown',
    (event) => {
      const h = heading();
      record.taps.push(event.timeStamp);
      pendingTap = { at: event.timeStamp, heading: h, text: h?.textContent ?? '' };
    },
    { capture: true },
  );

  const startShown = () => [...document.querySelectorAll('button')].some((button) => button.textContent?.trim() === startLabel);
  let startSeen = false;
  new MutationObserver(() => {
    if (!startSeen && startShown()) {
      startSeen = true;
      afterNextPaint((at) => (record.startPaintedAt = at));
    }
    const tap = pendingTap;
    const h = heading();
    if (tap && h && (h !== tap.heading || h.textContent !== tap.text)) {
      pendingTap = null;
      const text = h.textContent ?? '';
      afterNextPaint((at) => record.headingPaints.push({ tapAt: tap.at, paintedAt: at, heading: text }));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

export async function addProbes(page: Page, startLabel: string): Promise<void> {
  await addNameShim(page);
  await page.addInitScript(installProbes, startLabel);
}

export const readProbes = (page: Page) => page.evaluate(() => window.benchProbe);

/**
 * Latency per tap, in tap order: the longest Event Timing entry that starts between this tap's
 * pointerdown and the next tap's. A touch's click can start a few milliseconds after its
 * pointerdown (the touch ends later), and its pointerdown may be too fast to be reported, so
 * every entry in the window counts, not only those of the interaction the pointerdown began. A tap
 * with no entry was faster than the 16 ms threshold and gets `unreported`.
 */
export function tapLatencies(record: Pick<ProbeRecord, 'taps' | 'events'>, unreported: number): number[] {
  return record.taps.map((tapAt, index) => {
    const nextTapAt = record.taps[index + 1] ?? Infinity;
    const durations = record.events.filter((e) => e.startTime >= tapAt - 1 && e.startTime < nextTapAt - 1).map((e) => e.duration);
    return durations.length > 0 ? Math.max(...durations) : unreported;
  });
}
