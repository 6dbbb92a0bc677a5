import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, hasDisplay } from '../../../electron/browser-shell/open-window.js';
import { findElectronBinary } from '../../../electron/cli/electron-binary.js';

describe('finding the Electron binary without running the electron package', () => {
  it('reports why when no binary was downloaded', () => {
    const lookup = findElectronBinary({});
    // Our build machines have the npm package but no binary; a clinic machine may have one.
    if (lookup.found) expect(existsSync(lookup.binary)).toBe(true);
    else expect(lookup.reason).toMatch(/path\.txt is absent|missing at/);
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH when it holds a binary, and says so when it does not', () => {
    const dist = mkdtempSync(join(tmpdir(), 'kiosk-electron-'));
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toMatchObject({ found: false, reason: expect.stringContaining(dist) });
    writeFileSync(join(dist, 'electron'), '');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: dist })).toEqual({ found: true, binary: join(dist, 'electron') });
  });
});

describe('the Chromium window of the browser shell', () => {
  const url = 'http://127.0.0.1:4000/#token=abc';

  it('opens the kiosk URL full screen in its own profile, without background network chatter', () => {
    const args = chromiumArgs(url, '/data', false, {});
    expect(args).toEqual(expect.arrayContaining(['--kiosk', `--app=${url}`, '--user-data-dir=/data/chromium-profile', '--disable-background-networking']));
    expect(args).not.toContain('--no-sandbox');
    expect(args.some((arg) => arg.startsWith('--window-size'))).toBe(false);
  });

  it('drops the sandbox only as root, and sizes the window only when told a valid size', () => {
    expect(chromiumArgs(url, '/data', true, {})).toContain('--no-sandbox');
    expect(chromiumArgs(url, '/data', false, { KIOSK_WINDOW_SIZE: '1080x1920' })).toEqual(
      expect.arrayContaining(['--window-position=0,0', '--window-size=1080,1920']),
    );
    expect(chromiumArgs(url, '/data', false, { KIOSK_WINDOW_SIZE: 'big' }).some((arg) => arg.startsWith('--window'))).toBe(false);
  });

  it('needs a display on Linux only', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'win32')).toBe(true);
  });
});
