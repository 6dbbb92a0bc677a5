/**
 * What keeps a patient inside the kiosk page (the window's own web preferences are in main.ts,
 * written out where Electronegativity can read them): for every web contents no new windows, no navigation away, no webviews, no context menu, no zoom, and no
 * keyboard shortcut that reloads, closes, prints, zooms or opens devtools or a menu.
 * `--dev` (an explicit switch, never "unpackaged") keeps devtools and shortcuts for developers.
 */
import type { Input, WebContents } from 'electron';
import { APP_ORIGIN } from './ipc-handler.js';

/** With Ctrl (or Cmd) only text editing stays: select all, copy, cut, paste, undo, redo. */
const EDITING_KEYS = new Set(['a', 'c', 'x', 'v', 'z', 'y']);
const BROWSER_KEYS = /^(F\d{1,2}|Browser\w+|Print|PrintScreen|ContextMenu|Help|Close|Zoom\w*|Alt|Meta|OS)$/;

/** Keys that with Ctrl+Alt are shortcuts, not characters: letters, digits and zoom. */
const SHORTCUT_CHARACTERS = /^[a-z0-9=+-]$/i;

/**
 * AltGr, which types @, € or { on many European keyboards, reaches Windows apps as Ctrl+Alt. Its
 * key is then the character it types (one character, and never a plain letter or digit).
 */
function isAltGrCharacter(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt'>): boolean {
  return input.control && input.alt && !input.meta && [...input.key].length === 1 && !SHORTCUT_CHARACTERS.test(input.key);
}

/** True for a key press the kiosk swallows (see the file comment). */
export function isBlockedInput(input: Pick<Input, 'type' | 'key' | 'control' | 'meta' | 'alt'>): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown' && input.type !== 'keyUp') return false;
  if (isAltGrCharacter(input)) return false;
  if (input.alt) return true; // Alt opens menus and, with the arrows, goes back and forward.
  if (input.control || input.meta) return !EDITING_KEYS.has(input.key.toLowerCase());
  return BROWSER_KEYS.test(input.key);
}

export function lockDownContents(contents: WebContents, dev: boolean): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('context-menu', (event) => event.preventDefault());
  if (dev) return;
  contents.on('before-input-event', (event, input) => {
    if (isBlockedInput(input)) event.preventDefault();
  });
  // Ctrl+wheel and pinch: the page stays at 100 %; the kiosk has its own text-size button.
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
}
