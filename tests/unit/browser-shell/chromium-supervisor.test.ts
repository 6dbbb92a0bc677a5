/**
 * The browser shell's supervisor, for real: Debian's Chromium (headless), the real browser-shell
 * server and core on 127.0.0.1. Killing Chromium brings it back; killing its page's renderer
 * reloads the page; and the launch token is on no Chromium command line (/proc/<pid>/cmdline is
 * readable by every local user). Every wait is on a condition, bounded.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { superviseChromium, type ChromiumSupervisor } from '../../../electron/node-browser-shell/chromium-supervisor.js';
import { API_PREFIX } from '../../../electron/node-browser-shell/http-transport.js';
import { startBrowserShell, type BrowserShell } from '../../../electron/node-browser-shell/server.js';
import { startKioskCore } from '../../../electron/node-core/kiosk-core.js';
import { silentLogger } from '../../../electron/node-core/log/logger.js';
import { rendererDir } from '../../../electron/node-core/paths.js';
import { RestartBackoff, type RestartDecision } from '../../../electron/node-core/restart-policy.js';
import { testCoreOptions } from '../fixtures/core.js';
import { testShell } from '../fixtures/shell.js';
import { until as untilWithin } from '../../support/until.js';

const chromium = process.env.KIOSK_CHROMIUM ?? '/usr/bin/chromium';
const canRun = existsSync(chromium) && existsSync(join(rendererDir, 'index.html')) && existsSync('/proc/self/cmdline');
if (!canRun) console.log(`[supervisor] SKIPPED — needs Chromium at ${chromium} (KIOSK_CHROMIUM), a built renderer and Linux's /proc`);

/** Chromium's processes for one profile folder: pid and command line. */
function chromiumProcesses(profileDir: string): { pid: number; cmdline: string }[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((pid) => {
      try {
        const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
        return cmdline.includes(profileDir) ? [{ pid: Number(pid), cmdline }] : [];
      } catch {
        return []; // it ended while we looked
      }
    });
}

/** The real back-off, counting the failures the supervisor told it of; `delayMs` fixes every pause. */
class CountingBackoff extends RestartBackoff {
  failures = 0;
  constructor(private readonly delayMs?: number) {
    super();
  }
  override failed(): RestartDecision {
    this.failures += 1;
    const decision = super.failed();
    return this.delayMs === undefined ? decision : { ...decision, delayMs: this.delayMs };
  }
}

/** Chromium starting, loading and crashing on a busy CI machine: 30 s, not the helper's 10 s. */
const until = (what: string, condition: () => boolean, timeoutMs = 30_000) => untilWithin(what, condition, timeoutMs);

/** A kiosk core, its browser shell and a supervised headless Chromium, on a fresh data folder. */
async function startKiosk(backoff: RestartBackoff) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-supervisor-'));
  const core = startKioskCore(testCoreOptions(dataDir, { shell: testShell({ servesDownloads: true }) }));
  const shell = await startBrowserShell({ api: core.api, rendererDir, logger: silentLogger(), port: 0 });
  // Each kiosk page, once drawn, asks the API for the bootstrap once (to check its launch key):
  // the count says how often a kiosk page came up and ran. Not the core's getBootstrap calls: the
  // server also calls that to render the page, a moment earlier, so a page that had not run yet
  // (or the last Chromium's page, late) would count.
  let pagesRun = 0;
  shell.server.on('request', (request: IncomingMessage) => {
    if (request.method === 'POST' && request.url === `${API_PREFIX}getBootstrap`) pagesRun += 1;
  });
  const supervisor = superviseChromium({
    chromium,
    kioskUrl: shell.kioskUrl,
    restingUrl: new URL('resting.html', shell.origin).href,
    dataDir,
    logger: silentLogger(),
    extraArgs: ['--headless', '--disable-gpu'],
    backoff,
  });
  return {
    shell,
    supervisor,
    profileDir: join(dataDir, 'chromium-profile'),
    get pagesRun() {
      return pagesRun;
    },
    async close() {
      try {
        await supervisor.stop();
        // A killed Chromium's helpers can outlive it and still write to the profile for a moment.
        await until('every Chromium process of the profile ended', () => chromiumProcesses(dataDir).length === 0, 10_000);
      } finally {
        await shell.close();
        core.close();
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 5 });
      }
    },
  };
}

/**
 * Crashes the kiosk page by killing its renderer. Right after a relaunch the killed Chromium's
 * renderers can linger beside the new ones, and killing those crashes nothing: kill every renderer
 * of the profile until the supervisor has seen the page crash (a bounded loop).
 */
async function crashThePage(profileDir: string, backoff: CountingBackoff): Promise<void> {
  const failuresBefore = backoff.failures;
  await until('the supervisor saw the page crash', () => {
    for (const { pid } of chromiumProcesses(profileDir).filter(({ cmdline }) => cmdline.includes('--type=renderer'))) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // it ended while we looked
      }
    }
    return backoff.failures > failuresBefore;
  });
}

describe.skipIf(!canRun)('the browser shell keeps Chromium up', () => {
  const backoff = new CountingBackoff();
  let kiosk: Awaited<ReturnType<typeof startKiosk>>;
  let shell: BrowserShell;
  let supervisor: ChromiumSupervisor;
  let profileDir: string;

  beforeAll(async () => {
    kiosk = await startKiosk(backoff);
    ({ shell, supervisor, profileDir } = kiosk);
  });

  afterAll(() => kiosk?.close());

  it('opens the kiosk page, and the token is on no Chromium command line', async () => {
    await until('the kiosk page asked for its bootstrap', () => kiosk.pagesRun >= 1);
    const processes = chromiumProcesses(profileDir);
    expect(processes.length).toBeGreaterThan(0);
    expect(processes.filter(({ cmdline }) => cmdline.includes(shell.token))).toEqual([]);
    expect(processes.find(({ pid }) => pid === supervisor.pid)?.cmdline).toContain('--remote-debugging-pipe');
  });

  it('starts Chromium again when it is killed, and the kiosk page comes back', async () => {
    const first = supervisor.pid!;
    const before = kiosk.pagesRun;
    process.kill(first, 'SIGKILL');
    await until('a new Chromium opened the kiosk page', () => supervisor.launches === 2 && kiosk.pagesRun > before);
    expect(supervisor.pid).not.toBe(first);
    expect(chromiumProcesses(profileDir).filter(({ cmdline }) => cmdline.includes(shell.token))).toEqual([]);
  });

  it('reloads the page when its renderer dies, without restarting Chromium', async () => {
    const before = kiosk.pagesRun;
    await crashThePage(profileDir, backoff);
    await until('the kiosk page loaded again', () => kiosk.pagesRun > before);
    expect(supervisor.launches).toBe(2);
  }, 70_000);

  it('stops Chromium for good when told to', async () => {
    await supervisor.stop();
    await until('every Chromium process of the profile ended', () => chromiumProcesses(profileDir).length === 0, 10_000);
    expect(supervisor.launches).toBe(2);
  });
});

describe.skipIf(!canRun)('a Chromium that exits while its page waits to be reloaded', () => {
  // Every pause 3 s: long enough to kill Chromium while the reload waits.
  const backoff = new CountingBackoff(3_000);
  let kiosk: Awaited<ReturnType<typeof startKiosk>>;

  beforeAll(async () => {
    kiosk = await startKiosk(backoff);
  });

  afterAll(() => kiosk?.close());

  it('is started again: the pending reload gives way to a relaunch, and the kiosk page comes back', async () => {
    await until('the kiosk page ran', () => kiosk.pagesRun >= 1);
    await crashThePage(kiosk.profileDir, backoff);
    // The reload now waits; Chromium dies before it comes. The reload would go to the dead
    // Chromium and nothing would ever start a new one.
    const before = kiosk.pagesRun;
    process.kill(kiosk.supervisor.pid!, 'SIGKILL');
    await until('a new Chromium opened the kiosk page', () => kiosk.supervisor.launches === 2 && kiosk.pagesRun > before);
    expect(backoff.failures).toBe(2);
  }, 70_000);
});
