/**
 * A recording stand-in for the `electron` module, for running the BUILT main bundle
 * (dist/electron/electron-main/main.cjs) under plain Node: the Electron binary cannot exist on
 * our build machines. Every call main makes is recorded in `calls`; events are plain emitters the
 * test fires the way Electron would (with a preventDefault-able event object). Only what main
 * uses is here; `net.fetch` reads real files, like Electron's does for file:// URLs.
 */
import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import Module, { createRequire } from 'node:module';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Call {
  target: string;
  method: string;
  args: unknown[];
}

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}

export function fakeEvent(): FakeEvent {
  return {
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

type Handler = (...args: any[]) => any;

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

export function createFakeElectron({ appData, singleInstanceLock = true }: { appData: string; singleInstanceLock?: boolean }) {
  const calls: Call[] = [];
  const record = (target: string, method: string, ...args: unknown[]) => void calls.push({ target, method, args });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const ipcHandlers = new Map<string, Handler>();
  const permissions: { request?: Handler; check?: Handler } = {};
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const paths = new Map<string, string>([['appData', appData]]);

  class WebContents extends EventEmitter {
    windowOpenHandler: Handler | undefined;
    setWindowOpenHandler(handler: Handler) {
      this.windowOpenHandler = handler;
    }
    setVisualZoomLevelLimits(min: number, max: number) {
      record('webContents', 'setVisualZoomLevelLimits', min, max);
      return Promise.resolve();
    }
    setZoomFactor(factor: number) {
      record('webContents', 'setZoomFactor', factor);
    }
    /** As Electron documents it: the renderer dies, and render-process-gone follows. */
    forcefullyCrashRenderer() {
      record('webContents', 'forcefullyCrashRenderer');
      this.emit('render-process-gone', fakeEvent(), { reason: 'killed', exitCode: 9 });
    }
  }

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = [];
    readonly webContents = new WebContents();
    destroyed = false;
    constructor(readonly options: Record<string, any>) {
      super();
      record('BrowserWindow', 'new', options);
      BrowserWindow.instances.push(this);
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }
    loadURL(url: string) {
      record('window', 'loadURL', url);
      return Promise.resolve();
    }
    isDestroyed() {
      return this.destroyed;
    }
    isMinimized() {
      return true;
    }
    restore() {
      record('window', 'restore');
    }
    show() {
      record('window', 'show');
    }
    focus() {
      record('window', 'focus');
    }
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    setName: (name: string) => record('app', 'setName', name),
    getPath: (name: string) => {
      const path = paths.get(name);
      if (!path) throw new Error(`fake electron: no path "${name}" set`);
      return path;
    },
    setPath: (name: string, path: string) => {
      record('app', 'setPath', name, path);
      paths.set(name, path);
    },
    requestSingleInstanceLock: () => {
      record('app', 'requestSingleInstanceLock');
      return singleInstanceLock;
    },
    enableSandbox: () => record('app', 'enableSandbox'),
    whenReady: () => {
      record('app', 'whenReady');
      return ready;
    },
    exit: (code?: number) => record('app', 'exit', code),
    quit: () => record('app', 'quit'),
    relaunch: () => record('app', 'relaunch'),
    setLoginItemSettings: (settings: unknown) => record('app', 'setLoginItemSettings', settings),
  });

  const electron = {
    app,
    BrowserWindow,
    Menu: { setApplicationMenu: (menu: unknown) => record('Menu', 'setApplicationMenu', menu) },
    powerSaveBlocker: { start: (type: string) => (record('powerSaveBlocker', 'start', type), 1) },
    dialog: { showErrorBox: (title: string, text: string) => record('dialog', 'showErrorBox', title, text) },
    ipcMain: { handle: (channel: string, handler: Handler) => void ipcHandlers.set(channel, handler) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: Handler) => void (permissions.request = handler),
        setPermissionCheckHandler: (handler: Handler) => void (permissions.check = handler),
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) => record('protocol', 'registerSchemesAsPrivileged', schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler),
    },
    net: {
      fetch: async (url: string) => {
        const file = fileURLToPath(url);
        return new Response(await readFile(file), { headers: { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' } });
      },
    },
  };

  return { electron, calls, ready: () => markReady(), ipcHandlers, permissions, protocolHandlers, windows: BrowserWindow.instances };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * Requires the built main bundle afresh with `require('electron')` answered by the fake, and the
 * given command-line switches. Returns a function that removes the process listeners it added.
 */
export function loadMainBundle(mainFile: string, fake: FakeElectron, args: string[]): () => void {
  const loader = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = loader._load;
  const listenersBefore = new Set(process.listeners('uncaughtException'));
  const argv = process.argv;
  loader._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : original.call(this, request, ...rest);
  };
  process.argv = [process.execPath, mainFile, ...args];
  try {
    const require = createRequire(import.meta.url);
    delete require.cache[mainFile];
    require(mainFile);
  } finally {
    loader._load = original;
    process.argv = argv;
  }
  return () => {
    for (const listener of process.listeners('uncaughtException')) if (!listenersBefore.has(listener)) process.off('uncaughtException', listener);
  };
}
