/**
 * Finds Chromium and a display, and says how to start it for the kiosk: full screen (--kiosk
 * --app), its own profile in the data folder, no background network chatter. The supervisor
 * (chromium-supervisor.ts) starts it and keeps it up.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  if (env.KIOSK_CHROMIUM) return existsSync(env.KIOSK_CHROMIUM) ? env.KIOSK_CHROMIUM : null;
  return CANDIDATES.find((file) => existsSync(file)) ?? null;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
  return platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/**
 * Kiosk mode asks the window manager for full screen. A bare X server (no window manager) cannot
 * give it, so KIOSK_WINDOW_SIZE=1920x1080 places the window over the whole screen instead.
 */
function windowGeometry(size: string | undefined): string[] {
  const match = /^(\d{3,5})x(\d{3,5})$/.exec(size ?? '');
  return match ? ['--window-position=0,0', `--window-size=${match[1]},${match[2]}`] : [];
}

export function chromiumArgs(url: string, dataDir: string, runningAsRoot: boolean, env: NodeJS.ProcessEnv = process.env): string[] {
  return [
    '--kiosk',
    `--app=${url}`,
    `--user-data-dir=${join(dataDir, 'chromium-profile')}`,
    '--no-first-run',
    '--noerrdialogs',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    ...windowGeometry(env.KIOSK_WINDOW_SIZE),
    // Chromium refuses to start as root with its sandbox on; a kiosk should not run as root at all.
    ...(runningAsRoot ? ['--no-sandbox'] : []),
  ];
}
