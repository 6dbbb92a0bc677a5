/**
 * Keeps the browser shell's Chromium window up, as the Electron shell keeps its page up: when
 * Chromium exits (closed, killed, crashed) it is started again, and when its page crashes the
 * page is loaded again, both after the shared back-off (electron/node-core/restart-policy.ts). After
 * too many failures in a row the calm resting page shows between tries, which never stop.
 *
 * Chromium is started on about:blank and then sent to the kiosk over its DevTools pipe, so the
 * launch token never appears on a command line (/proc/<pid>/cmdline is readable by every user).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Logger } from '../node-core/log/logger.js';
import { RestartBackoff } from '../node-core/restart-policy.js';
import { CdpPipe } from './cdp-pipe.js';
import { chromiumArgs } from './open-window.js';

const STOP_TIMEOUT_MS = 5_000;

export interface SupervisorOptions {
  chromium: string;
  /** The kiosk page with its token in the fragment: sent over the pipe, never on a command line. */
  kioskUrl: string;
  /** The calm "please let the front desk know" page, shown between tries when failures come too often. */
  restingUrl: string;
  dataDir: string;
  logger: Logger;
  /** More Chromium switches (the tests add --headless). */
  extraArgs?: string[];
  backoff?: RestartBackoff;
}

export interface ChromiumSupervisor {
  /** The running Chromium's process id, if one runs. */
  readonly pid: number | undefined;
  /** Chromium starts: 1 for the first, then one more for each restart. */
  readonly launches: number;
  /** Stops Chromium for good (an admin's quit, or the kiosk stopping). */
  stop(): Promise<void>;
}

export function superviseChromium(options: SupervisorOptions): ChromiumSupervisor {
  const { logger } = options;
  const backoff = options.backoff ?? new RestartBackoff();
  let child: ChildProcess | undefined;
  let launches = 0;
  let stopped = false;
  /** The one pending try: a page reload, or a new Chromium. */
  let retry: { timer: ReturnType<typeof setTimeout>; relaunch: boolean } | undefined;

  const later = (action: () => void, relaunch: boolean, problem: string, detail: object): boolean => {
    if (stopped) return false;
    if (retry) {
      // A pending reload dies with its Chromium: a relaunch replaces it (else none would come).
      if (retry.relaunch || !relaunch) return false;
      clearTimeout(retry.timer);
    }
    const { delayMs, recentFailures, tooOften } = backoff.failed();
    logger.error({ ...detail, problem, delayMs, recentFailures }, 'the kiosk window failed; trying again after a pause');
    retry = {
      relaunch,
      timer: setTimeout(() => {
        retry = undefined;
        if (!stopped) action();
      }, delayMs),
    };
    return tooOften;
  };

  function launch(): void {
    launches += 1;
    const args = [...chromiumArgs('about:blank', options.dataDir, process.getuid?.() === 0), '--remote-debugging-pipe', ...(options.extraArgs ?? [])];
    const current = spawn(options.chromium, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
    child = current;
    const cdp = new CdpPipe(current.stdio[3] as Writable, current.stdio[4] as Readable);
    current.once('error', (error) => logger.error({ err: error }, 'Chromium could not be started'));
    current.once('exit', (code, signal) => {
      if (child === current) child = undefined;
      later(launch, true, 'Chromium exited', { code, signal });
    });
    showKiosk(cdp).catch((error: unknown) => {
      // The pipe closes when Chromium exits; the exit handler above restarts it.
      if (current.exitCode === null && current.signalCode === null) logger.warn({ err: error }, 'could not send the kiosk page to Chromium');
    });
  }

  async function showKiosk(cdp: CdpPipe): Promise<void> {
    await cdp.send('Target.setDiscoverTargets', { discover: true });
    const page = await firstPage(cdp);
    const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: page, flatten: true })) as { sessionId: string };
    const navigate = (url: string) =>
      cdp.send('Page.navigate', { url }, sessionId).catch((error: unknown) => logger.warn({ err: error }, 'Chromium did not open the page'));
    // By way of about:blank, so the reload is always a fresh document load: the crashed page's
    // address is the kiosk link itself, and the same address with its #fragment must not be taken
    // for a move within the page.
    const reopen = async () => {
      await navigate('about:blank');
      await navigate(options.kioskUrl);
    };
    cdp.on('event', ({ method, params }) => {
      if (method !== 'Target.targetCrashed' || params.targetId !== page) return;
      const tooOften = later(() => void reopen(), false, 'the kiosk page crashed', { status: params.status, errorCode: params.errorCode });
      if (tooOften) void navigate(options.restingUrl);
    });
    await navigate(options.kioskUrl);
  }

  launch();
  return {
    get pid() {
      return child?.pid;
    },
    get launches() {
      return launches;
    },
    async stop() {
      stopped = true;
      clearTimeout(retry?.timer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      await new Promise<void>((resolve) => {
        // Chromium may take a moment to close its profile; one that does not is killed.
        const kill = setTimeout(() => running.kill('SIGKILL'), STOP_TIMEOUT_MS);
        running.once('exit', () => {
          clearTimeout(kill);
          resolve();
        });
        running.kill('SIGTERM');
      });
    },
  };
}

/** The id of Chromium's first page target, waiting for it to appear if need be. */
async function firstPage(cdp: CdpPipe): Promise<string> {
  const created = new Promise<string>((resolve) => {
    const onEvent = ({ method, params }: { method: string; params: Record<string, unknown> }) => {
      const info = params.targetInfo as { type?: string; targetId?: string } | undefined;
      if (method === 'Target.targetCreated' && info?.type === 'page' && info.targetId) {
        cdp.off('event', onEvent);
        resolve(info.targetId);
      }
    };
    cdp.on('event', onEvent);
  });
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; targetId: string }[] };
  return targetInfos.find((target) => target.type === 'page')?.targetId ?? created;
}
