/**
 * Issue 12, measure 5: 1,000 patient sessions in one page. Each session walks the journey, answers
 * the feedback (a real submit to the real server), waits out the thank-you screen, then starts again
 * and walks away until the idle reset. Page timers run on Playwright's controlled clock
 * (`page.clock`), so the 8 s thank-you and the 110 s idle reset take no real time. The taps are
 * made inside the page, by accessible name, because a thousand sessions of CDP round trips would
 * take a quarter of an hour; the tap-latency measure is the one that taps like a finger.
 *
 * After a forced GC at session 100 and at session 1,000: the JS heap (`Runtime.getHeapUsage`,
 * compiled code included; the budget: at most 5% growth, the measure), DOM nodes, event
 * listeners and the server's resident memory. Beside it, for diagnosis, a heap snapshot splits the
 * heap into JS objects and the code V8 compiles (README, Performance).
 */
import { readFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { defaultConfig } from '../../electron/node-core/config/load-config.js';
import { readContentPack, t, ui } from '../../tests/e2e/fixtures.js';
import { BUDGETS } from '../budgets.js';
import { round, type Figure } from '../figures.js';
import type { BenchContext } from '../lib/context.js';
import { takeHeapKinds } from '../lib/heap-snapshot.js';
import { addNameShim } from '../lib/page-shim.js';

/** The thank-you screen's own timer (8 s), with a second to spare. */
const THANKS_RETURN_MS = 9_000;

interface Labels {
  start: string;
  worry: string;
  helpful: string;
  next: string;
  finish: string;
  shareFeedback: string;
  worryAfter: string;
  helpfulness: string;
  answered: string;
  submit: string;
  thanks: string;
  welcome: string;
  topicCount: number;
}

/** Runs in the page: one patient, from the welcome screen to "Thank you", or one who only taps Start. */
async function patientInPage({ labels, walkAway }: { labels: Labels; walkAway: boolean }): Promise<void> {
  // A turn of the event loop (not a timer: those are on the controlled clock); Svelte has rendered by then.
  // The ports are closed after use: an open port with a listener stays alive, and would count as a leak.
  const turn = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  const nameOf = (button: HTMLButtonElement) => {
    if (button.hasAttribute('aria-label')) return button.getAttribute('aria-label')!.trim();
    const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
    let text = '';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!node.parentElement?.closest('[aria-hidden="true"]')) text += node.textContent;
    return text.trim();
  };
  // The screen shown: a screen built ahead waits hidden in an inert wrapper.
  const heading = () => document.querySelector('main:not([inert] *) h1')?.textContent?.trim() ?? '';
  async function tap(name: string, scope = 'main, nav'): Promise<void> {
    for (let attempt = 0; attempt < 1000; attempt++) {
      const button = [...document.querySelectorAll<HTMLButtonElement>(`:is(${scope}):not([inert] *) button`)].find((b) => !b.disabled && nameOf(b) === name);
      if (button) {
        button.click();
        await turn();
        return;
      }
      await turn();
    }
    throw new Error(`no "${name}" button on the screen "${heading()}"`);
  }

  await tap(labels.start);
  if (walkAway) return;
  await tap(labels.worry);
  for (let topic = 0; topic < labels.topicCount; topic++) {
    await tap(labels.helpful, 'main [role="group"]');
    await tap(topic === labels.topicCount - 1 ? labels.finish : labels.next, 'nav');
  }
  await tap(labels.shareFeedback, 'nav');
  await tap(labels.worryAfter);
  await tap(labels.helpfulness);
  await tap(labels.answered);
  const box = document.querySelector<HTMLTextAreaElement>('main:not([inert] *) textarea')!;
  box.value = 'Clear and calm, thank you.';
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await tap(labels.submit);
  // The save is a real HTTP round trip: wait for its answer, a bounded number of turns.
  for (let attempt = 0; attempt < 1_000_000 && heading() !== labels.thanks; attempt++) await turn();
  if (heading() !== labels.thanks) throw new Error(`the feedback was not saved; the screen shows "${heading()}"`);
}

async function snapshot(page: Page, cdp: CDPSession, serverPid: number) {
  // Twice: a removed screen's DOM can outlive the first GC (its JS wrappers go first); with one,
  // the DOM count at a given session varied by up to 180 nodes with no trend.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const kinds = await takeHeapKinds(cdp);
  const rssKB = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${serverPid}/status`, 'utf8'))?.[1] ?? NaN);
  return { heapBytes: heap.usedSize, ...kinds, nodes: dom.nodes, listeners: dom.jsEventListeners, serverRssMB: rssKB / 1024 };
}

export async function measureSoak({ browser, kiosk, quick }: BenchContext): Promise<Figure[]> {
  const [early, late] = quick ? [5, 20] : [100, 1000];
  const { pack, topics } = readContentPack();
  const labels: Labels = {
    start: t('welcome.start'),
    worry: t('worry.3'),
    helpful: t('topicHelpful.yes'),
    next: t('nav.next'),
    finish: t('nav.finish'),
    shareFeedback: t('closing.feedback'),
    worryAfter: t('worry.2'),
    helpfulness: t('helpfulness.4'),
    answered: t('answered.yes'),
    submit: t('feedback.submit'),
    thanks: t('thanks.title'),
    welcome: pack.title,
    topicCount: topics.length,
  };
  const config = defaultConfig(); // the bench's kiosk runs without a config file
  const idleResetMs = (config.idleTimeoutSeconds + config.idleWarningSeconds + 2) * 1000;
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await addNameShim(page);
    await page.clock.install();
    await page.goto(kiosk.kioskUrl);
    await ui.start(page).waitFor();
    const snapshots: Record<number, Awaited<ReturnType<typeof snapshot>>> = {};
    for (let session = 1; session <= late; session++) {
      await page.evaluate(patientInPage, { labels, walkAway: false });
      await page.clock.runFor(THANKS_RETURN_MS);
      // The next patient starts, then walks away: the idle warning, its countdown, the reset.
      await page.evaluate(patientInPage, { labels, walkAway: true });
      await page.clock.runFor(idleResetMs);
      const shown = await page.evaluate(() => document.querySelector('main:not([inert] *) h1')?.textContent?.trim());
      if (shown !== labels.welcome) throw new Error(`session ${session} did not end on the welcome screen (it shows "${shown}")`);
      if (session === early || session === late) snapshots[session] = await snapshot(page, cdp, kiosk.pid);
      if (session % 100 === 0) process.stdout.write(`  ${session} sessions\n`);
    }
    const a = snapshots[early]!;
    const b = snapshots[late]!;
    const measure = `Memory soak (${late} sessions)`;
    const growth = (before: number, after: number) => round(((after - before) / before) * 100, 1);
    return [
      {
        // The measure: the JS heap after a forced GC, compiled code included.
        key: 'soak.heapGrowthPercent',
        measure,
        label: `JS heap growth, session ${early} → ${late}`,
        value: growth(a.heapBytes, b.heapBytes),
        unit: '%',
        budget: BUDGETS.soakHeapGrowthPercent,
      },
      {
        // Where the growth is: the JS objects alone, from a heap snapshot (no budget: a diagnosis).
        key: 'soak.jsObjectGrowthPercent',
        measure,
        label: `of which JS objects (heap snapshot), growth ${early} → ${late}`,
        value: growth(a.jsObjectBytes, b.jsObjectBytes),
        unit: '%',
      },
      {
        key: 'soak.jsObjectMB',
        measure,
        label: `JS objects at session ${late}`,
        value: round(b.jsObjectBytes / 1e6),
        unit: `MB (was ${round(a.jsObjectBytes / 1e6)})`,
      },
      { key: 'soak.heapMB', measure, label: `JS heap after GC at session ${late}`, value: round(b.heapBytes / 1e6), unit: 'MB' },
      {
        key: 'soak.codeKB',
        measure,
        label: `compiled code at ${early} / ${late}`,
        value: round(b.codeBytes / 1e3, 0),
        unit: `KB (was ${round(a.codeBytes / 1e3, 0)})`,
      },
      {
        key: 'soak.nativeKB',
        measure,
        label: `Blink objects in the snapshot at ${early} / ${late}`,
        value: round(b.nativeBytes / 1e3, 0),
        unit: `KB (was ${round(a.nativeBytes / 1e3, 0)})`,
      },
      { key: 'soak.domNodes', measure, label: `DOM nodes at ${early} / ${late}`, value: b.nodes, unit: `(was ${a.nodes})` },
      { key: 'soak.listeners', measure, label: `JS event listeners at ${early} / ${late}`, value: b.listeners, unit: `(was ${a.listeners})` },
      {
        key: 'soak.serverRssMB',
        measure,
        label: `server RSS at ${early} / ${late}`,
        value: round(b.serverRssMB, 1),
        unit: `MB (was ${round(a.serverRssMB, 1)})`,
      },
    ];
  } finally {
    await context.close();
  }
}
