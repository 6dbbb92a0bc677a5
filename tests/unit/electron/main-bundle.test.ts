/**
 * The BUILT Electron main bundle (dist/electron/electron-main/main.cjs, as `npm run build` makes
 * it) run under plain Node with a recording stand-in for `electron` (./fake-electron.ts): the
 * binary cannot exist here. Everything behind `electron` is real: the kiosk core, a SQLite file
 * in a temp folder, the renderer files on disk. Timers are Vitest's fake clock, so back-offs are
 * checked to the millisecond without waiting.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { API_METHODS, ipcChannel } from '../../../electron/common/api/methods.js';
import { createFakeElectron, fakeEvent, loadMainBundle, type FakeElectron } from './fake-electron.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const mainFile = join(repoRoot, 'dist', 'electron', 'electron-main', 'main.cjs');
const KIOSK_PAGE = 'app://kiosk/index.html';
const RESTING_PAGE = 'app://kiosk/resting.html';

beforeAll(() => {
  expect(existsSync(mainFile), `${mainFile} is missing: run "node scripts/build.mjs" first`).toBe(true);
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many of this process's open files are the kiosk log in `dataDir` (Linux's /proc). */
function openLogFiles(dataDir: string): number {
  const log = join(dataDir, 'logs', 'kiosk.log');
  return readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(join('/proc/self/fd', fd)) === log;
    } catch {
      return false;
    }
  }).length;
}

/** The logger opens its file asynchronously; deleting the folder before that would fail the open. */
async function logOpened(dataDir: string, before: number): Promise<void> {
  for (let round = 0; round < 2000 && openLogFiles(dataDir) <= before; round++) await settle();
}

/** Loads main with a fresh fake and data folder; `ready` makes Electron's whenReady resolve. */
async function launch({ args = [] as string[], singleInstanceLock = true, ready = true, dataDir = '', main = mainFile } = {}) {
  const appData = mkdtempSync(join(tmpdir(), 'kiosk-electron-main-'));
  dataDir ||= join(appData, 'data');
  const fake = createFakeElectron({ appData, singleInstanceLock });
  cleanups.push(() => rmSync(appData, { recursive: true, force: true }));
  const logsBefore = openLogFiles(dataDir);
  cleanups.push(loadMainBundle(main, fake, [`--data-dir=${dataDir}`, ...args]));
  if (ready) {
    fake.ready();
    await settle();
    await logOpened(dataDir, logsBefore);
  }
  return { fake, appData, dataDir, window: fake.windows[0] };
}

const callsOf = (fake: FakeElectron, method: string) => fake.calls.filter((call) => call.method === method);
const loads = (fake: FakeElectron) => callsOf(fake, 'loadURL').map((call) => call.args[0]);

describe('before the app is ready', () => {
  it('names the app and its data folder, locks down the menu and the scheme, then waits for ready', async () => {
    const { fake, appData } = await launch({ ready: false });
    const order = fake.calls.map((call) => `${call.target}.${call.method}`);
    expect(fake.calls).toContainEqual({ target: 'app', method: 'setName', args: ['Clinic Kiosk'] });
    expect(fake.calls).toContainEqual({ target: 'app', method: 'setPath', args: ['userData', join(appData, 'Clinic Kiosk')] });
    expect(fake.calls).toContainEqual({ target: 'Menu', method: 'setApplicationMenu', args: [null] });
    expect(order.indexOf('app.setPath')).toBeLessThan(order.indexOf('app.requestSingleInstanceLock'));
    expect(order.indexOf('app.requestSingleInstanceLock')).toBeLessThan(order.indexOf('app.whenReady'));
    expect(order).toContain('app.enableSandbox');
    expect(callsOf(fake, 'registerSchemesAsPrivileged')[0]?.args[0]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(fake.windows).toHaveLength(0);
  });

  it('a second instance exits at once and starts nothing', async () => {
    const { fake } = await launch({ singleInstanceLock: false });
    expect(callsOf(fake, 'exit')).toEqual([{ target: 'app', method: 'exit', args: [0] }]);
    expect(callsOf(fake, 'whenReady')).toHaveLength(0);
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcHandlers.size).toBe(0);
  });
});

/**
 * A copy of the app whose native/electron holds a file, as `npm run rebuild:electron` or `npm run
 * dist` leave one: the built main beside the repo's node_modules, content and renderer.
 */
function appWithElectronBuild(): string {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-app-copy-'));
  cleanups.push(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'clinic-kiosk' }));
  cpSync(join(repoRoot, 'dist', 'electron'), join(root, 'dist', 'electron'), { recursive: true });
  for (const shared of ['node_modules', 'content', join('dist', 'renderer')]) symlinkSync(join(repoRoot, shared), join(root, shared));
  mkdirSync(join(root, 'native', 'electron'), { recursive: true });
  writeFileSync(join(root, 'native', 'electron', 'better_sqlite3.node'), 'Electron ABI, not loadable by Node');
  return join(root, 'dist', 'electron', 'electron-main', 'main.cjs');
}

describe('the kiosk window', () => {
  it("opens under Node even when Electron's SQLite build exists: only Electron loads it", async () => {
    const { fake, dataDir } = await launch({ main: appWithElectronBuild() });
    expect(callsOf(fake, 'exit')).toEqual([]);
    expect(fake.windows).toHaveLength(1);
    expect(existsSync(join(dataDir, 'kiosk.db'))).toBe(true);
    fake.electron.app.emit('before-quit'); // closes this copy's core, whose timers would outlive its folder
  });

  it('is a kiosk window with the hardened preferences and the built preload, showing app://kiosk', async () => {
    const { fake, window } = await launch();
    expect(fake.windows).toHaveLength(1);
    const { webPreferences, ...options } = window!.options;
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(webPreferences).toEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
      preload: join(repoRoot, 'dist', 'electron', 'electron-preload', 'preload.cjs'),
    });
    expect(existsSync(webPreferences.preload), 'the preload the window names was built').toBe(true);
    expect(loads(fake)).toEqual([KIOSK_PAGE]);
    expect(fake.calls).toContainEqual({ target: 'powerSaveBlocker', method: 'start', args: ['prevent-display-sleep'] });
  });

  it('keeps its data in the folder it was given, and refocuses when a second instance starts', async () => {
    const { fake, dataDir } = await launch();
    expect(existsSync(join(dataDir, 'kiosk.db'))).toBe(true);
    fake.electron.app.emit('second-instance');
    expect(callsOf(fake, 'focus')).toHaveLength(1);
    expect(callsOf(fake, 'restore')).toHaveLength(1);
  });

  it('lets --dev, and only --dev, keep devtools and leave kiosk mode', async () => {
    const { window } = await launch({ args: ['--dev'] });
    expect(window!.options).toMatchObject({ kiosk: false, webPreferences: { devTools: true } });
    expect(window!.webContents.listenerCount('before-input-event')).toBe(0);
  });
});

describe('what the page may do', () => {
  it('opens no windows, navigates nowhere else, attaches no webview and shows no context menu', async () => {
    const { window } = await launch();
    const contents = window!.webContents;
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const away = fakeEvent();
    contents.emit('will-navigate', away, 'https://example.com/');
    expect(away.defaultPrevented).toBe(true);
    const fileUrl = fakeEvent();
    contents.emit('will-navigate', fileUrl, 'file:///etc/passwd');
    expect(fileUrl.defaultPrevented).toBe(true);
    const own = fakeEvent();
    contents.emit('will-navigate', own, `${KIOSK_PAGE}#top`);
    expect(own.defaultPrevented).toBe(false);
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(webview.defaultPrevented).toBe(true);
    const menu = fakeEvent();
    contents.emit('context-menu', menu, {});
    expect(menu.defaultPrevented).toBe(true);
  });

  it('swallows the shortcuts that reload, close, zoom, print, open devtools or menus; typing still works', async () => {
    const { fake, window } = await launch();
    const press = (key: string, modifiers: { control?: boolean; meta?: boolean; alt?: boolean; shift?: boolean } = {}) => {
      const event = fakeEvent();
      window!.webContents.emit('before-input-event', event, { type: 'keyDown', key, control: false, meta: false, alt: false, shift: false, ...modifiers });
      return event.defaultPrevented;
    };
    const blocked = {
      'Ctrl+R': press('r', { control: true }),
      'Ctrl+W': press('w', { control: true }),
      'Ctrl+Q': press('q', { control: true }),
      'Ctrl+P': press('p', { control: true }),
      'Ctrl+Shift+I': press('I', { control: true, shift: true }),
      'Ctrl+=': press('=', { control: true }),
      'Ctrl+-': press('-', { control: true }),
      'Ctrl+0': press('0', { control: true }),
      'Cmd+Q': press('q', { meta: true }),
      F5: press('F5'),
      F11: press('F11'),
      F12: press('F12'),
      Alt: press('Alt', { alt: true }),
      'Alt+Left': press('ArrowLeft', { alt: true }),
      'Alt+F4': press('F4', { alt: true }),
      'Alt+f (a menu)': press('f', { alt: true }),
      'Alt+@ (Alt without Ctrl is no AltGr)': press('@', { alt: true }),
      'Ctrl+Alt+r': press('r', { control: true, alt: true }),
      'Ctrl+Alt+4': press('4', { control: true, alt: true }),
      'Ctrl+Alt+=': press('=', { control: true, alt: true }),
      'Ctrl+Alt+Delete': press('Delete', { control: true, alt: true }),
      'Ctrl+Alt+F4': press('F4', { control: true, alt: true }),
      'Ctrl+Alt+Meta+@': press('@', { control: true, alt: true, meta: true }),
      BrowserBack: press('BrowserBack'),
    };
    expect(
      Object.entries(blocked)
        .filter(([, prevented]) => !prevented)
        .map(([name]) => name),
    ).toEqual([]);
    // AltGr on a Spanish or German keyboard under Windows arrives as Ctrl+Alt with the character it types.
    const altGr = (key: string) => press(key, { control: true, alt: true });
    const allowed = {
      a: press('a'),
      Enter: press('Enter'),
      Tab: press('Tab'),
      Backspace: press('Backspace'),
      'Ctrl+C': press('c', { control: true }),
      'Ctrl+V': press('v', { control: true }),
      'AltGr+@': altGr('@'),
      'AltGr+€': altGr('€'),
      'AltGr+#': altGr('#'),
      'AltGr+\\': altGr('\\'),
      'AltGr+{': altGr('{'),
      'AltGr+ł (Polish)': altGr('ł'),
    };
    expect(
      Object.entries(allowed)
        .filter(([, prevented]) => prevented)
        .map(([name]) => name),
    ).toEqual([]);

    expect(fake.calls).toContainEqual({ target: 'webContents', method: 'setVisualZoomLevelLimits', args: [1, 1] });
    window!.webContents.emit('zoom-changed', fakeEvent(), 'in');
    expect(fake.calls).toContainEqual({ target: 'webContents', method: 'setZoomFactor', args: [1] });
  });

  it('refuses every permission request and check', async () => {
    const { fake } = await launch();
    const answers: boolean[] = [];
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read'])
      fake.permissions.request!({}, permission, (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false, false, false, false]);
    expect(fake.permissions.check!({}, 'media', 'app://kiosk', {})).toBe(false);
  });

  it('answers IPC only from the kiosk window showing its own page', async () => {
    const { fake, window } = await launch();
    expect([...fake.ipcHandlers.keys()].sort()).toEqual(API_METHODS.map(ipcChannel).sort());
    const getBootstrap = fake.ipcHandlers.get(ipcChannel('getBootstrap'))!;
    const refused = { ok: false, error: { code: 'unauthorized', message: expect.any(String) } };
    expect(await getBootstrap({ sender: {}, senderFrame: { url: KIOSK_PAGE } }, {})).toEqual(refused);
    expect(await getBootstrap({ sender: window!.webContents, senderFrame: { url: 'https://example.com/' } }, {})).toEqual(refused);
    expect(await getBootstrap({ sender: window!.webContents, senderFrame: null }, {})).toEqual(refused);
    const answer = await getBootstrap({ sender: window!.webContents, senderFrame: { url: KIOSK_PAGE } }, {});
    expect(answer).toMatchObject({ ok: true, value: { content: { id: 'ketamine-addiction' } } });
  });
});

describe('the app:// protocol', () => {
  it('serves the index and assets with the CSP, and answers 404 to traversal, missing files and other hosts', async () => {
    const { fake } = await launch();
    const handle = fake.protocolHandlers.get('app')!;
    const get = (url: string) => handle(new Request(url));

    const index = await get('app://kiosk/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<div id="app">');
    expect(index.headers.get('content-security-policy')).toContain("connect-src 'none'");
    expect(index.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    const asset = readdirSync(join(repoRoot, 'dist', 'renderer', 'assets')).find((name) => name.endsWith('.js'))!;
    expect((await get(`app://kiosk/assets/${asset}`)).status).toBe(200);
    expect((await get(RESTING_PAGE)).status).toBe(200);

    const refused = [
      'app://kiosk/..%2f..%2fpackage.json',
      'app://kiosk/%2e%2e/%2e%2e/package.json',
      'app://kiosk/assets/..%2f..%2f..%2fpackage.json',
      'app://kiosk/..%5c..%5cpackage.json',
      'app://kiosk/missing.js',
      'app://kiosk/assets',
      'app://kiosk/%E0%A4%A',
      'app://kiosk/index.html%00.js',
      'app://elsewhere/index.html',
    ];
    const statuses = await Promise.all(refused.map(async (url) => [url, (await get(url)).status]));
    expect(statuses).toEqual(refused.map((url) => [url, 404]));
  });
});

describe('self-healing', () => {
  const gone = (fake: FakeElectron, reason = 'crashed') => fake.windows[0]!.webContents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 139 });

  it('reloads a crashed renderer after 1 s, 2 s, then shows the calm page and keeps trying', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fake } = await launch();
    gone(fake);
    vi.advanceTimersByTime(999);
    expect(loads(fake)).toEqual([KIOSK_PAGE]);
    vi.advanceTimersByTime(1);
    expect(loads(fake)).toEqual([KIOSK_PAGE, KIOSK_PAGE]);

    gone(fake);
    vi.advanceTimersByTime(1_999);
    expect(loads(fake)).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(loads(fake)).toHaveLength(3);

    gone(fake); // the third within five minutes
    expect(loads(fake).at(-1)).toBe(RESTING_PAGE);
    vi.advanceTimersByTime(5_000);
    expect(loads(fake).at(-1)).toBe(KIOSK_PAGE);

    // Five quiet minutes later a crash counts as the first again.
    vi.advanceTimersByTime(5 * 60_000);
    gone(fake);
    vi.advanceTimersByTime(1_000);
    expect(loads(fake).slice(-1)).toEqual([KIOSK_PAGE]);
    expect(loads(fake).filter((url) => url === RESTING_PAGE)).toHaveLength(1);

    // A window closing normally is not a crash.
    const before = loads(fake).length;
    gone(fake, 'clean-exit');
    vi.advanceTimersByTime(60_000);
    expect(loads(fake)).toHaveLength(before);
  });

  it('crashes a renderer hung for more than 10 s on purpose, which reloads it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fake, window } = await launch();
    window!.emit('unresponsive');
    vi.advanceTimersByTime(9_000);
    window!.emit('responsive'); // it recovered by itself: nothing happens
    vi.advanceTimersByTime(60_000);
    expect(callsOf(fake, 'forcefullyCrashRenderer')).toHaveLength(0);

    window!.emit('unresponsive');
    vi.advanceTimersByTime(10_000);
    expect(callsOf(fake, 'forcefullyCrashRenderer')).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(loads(fake)).toEqual([KIOSK_PAGE, KIOSK_PAGE]);
  });

  it('retries a failed main-frame load; an aborted load or a failed frame is not a failure', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { fake, window } = await launch();
    window!.webContents.emit('did-fail-load', fakeEvent(), -3, 'ERR_ABORTED', KIOSK_PAGE, true);
    window!.webContents.emit('did-fail-load', fakeEvent(), -105, 'ERR_NAME_NOT_RESOLVED', 'app://kiosk/frame.html', false);
    vi.advanceTimersByTime(60_000);
    expect(loads(fake)).toHaveLength(1);
    window!.webContents.emit('did-fail-load', fakeEvent(), -6, 'ERR_FILE_NOT_FOUND', KIOSK_PAGE, true);
    vi.advanceTimersByTime(1_000);
    expect(loads(fake)).toEqual([KIOSK_PAGE, KIOSK_PAGE]);
  });

  it('logs an uncaught main-process error, then relaunches after a back-off kept across relaunches', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const failMain = async (dataDir = '') => {
      const before = new Set(process.listeners('uncaughtException'));
      const run = await launch({ dataDir });
      const added = process.listeners('uncaughtException').filter((listener) => !before.has(listener));
      expect(added).toHaveLength(1);
      added[0]!(new Error('boom in main'), 'uncaughtException');
      return run;
    };
    const first = await failMain();
    vi.advanceTimersByTime(999);
    expect(callsOf(first.fake, 'relaunch')).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(callsOf(first.fake, 'relaunch')).toHaveLength(1);
    expect(callsOf(first.fake, 'exit')).toEqual([{ target: 'app', method: 'exit', args: [1] }]);
    await vi.waitFor(() => expect(readFileSync(join(first.dataDir, 'logs', 'kiosk.log'), 'utf8')).toContain('boom in main'));

    // The relaunched process (same data folder) reads the history: its own failure waits 2 s.
    const second = await failMain(first.dataDir);
    vi.advanceTimersByTime(1_999);
    expect(callsOf(second.fake, 'relaunch')).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(callsOf(second.fake, 'relaunch')).toHaveLength(1);
    expect(JSON.parse(readFileSync(join(first.dataDir, 'main-process-failures.json'), 'utf8'))).toHaveLength(2);
  });

  it('relaunches after an error before the log is open too, saying why on stderr', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date', 'setImmediate'] });
    vi.stubEnv('KIOSK_LOG_LEVEL', 'loudest'); // the logger refuses an unknown level: createLogger throws
    cleanups.push(() => vi.unstubAllEnvs());
    const before = new Set(process.listeners('uncaughtException'));
    const { fake, appData } = await launch({ ready: false });
    const added = process.listeners('uncaughtException').filter((listener) => !before.has(listener));
    expect(added, 'the handler is there before the app is ready').toHaveLength(1);

    fake.ready();
    for (let turn = 0; turn < 10; turn++) await Promise.resolve();
    // main throws the start-up failure again outside its promise; Node would hand it to the handler.
    let thrown: unknown;
    try {
      vi.runOnlyPendingTimers();
    } catch (error) {
      thrown = error;
    }
    expect(String(thrown)).toContain('loudest');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    cleanups.push(() => stderr.mockRestore());
    added[0]!(thrown as Error, 'uncaughtException');
    expect(stderr.mock.calls.map(([text]) => String(text)).join('')).toMatch(/the main process failed: .*loudest/);
    vi.advanceTimersByTime(999);
    expect(callsOf(fake, 'relaunch')).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(callsOf(fake, 'relaunch')).toHaveLength(1);
    expect(callsOf(fake, 'exit')).toEqual([{ target: 'app', method: 'exit', args: [1] }]);
    // With no data folder yet, the failure history is kept in userData.
    expect(JSON.parse(readFileSync(join(appData, 'Clinic Kiosk', 'main-process-failures.json'), 'utf8'))).toHaveLength(1);
  });

  it('restarts every day at the configured quiet hour, and not without one', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date(2026, 0, 5, 2, 30)); // 02:30 local time
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-electron-restart-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    writeFileSync(join(dataDir, 'config.json'), JSON.stringify({ dailyRestartHour: 3 }));
    const { fake } = await launch({ dataDir });
    vi.advanceTimersByTime(29 * 60_000);
    expect(callsOf(fake, 'relaunch')).toHaveLength(0);
    vi.advanceTimersByTime(60_000);
    expect(callsOf(fake, 'relaunch')).toHaveLength(1);
    expect(callsOf(fake, 'exit')).toEqual([{ target: 'app', method: 'exit', args: [0] }]);

    const unset = await launch();
    vi.advanceTimersByTime(48 * 3_600_000);
    expect(callsOf(unset.fake, 'relaunch')).toHaveLength(0);
  });
});
