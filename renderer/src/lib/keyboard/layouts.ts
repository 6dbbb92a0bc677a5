/**
 * The on-screen keyboard's layouts. Each row is a string of the characters its keys type (in their
 * lower-case form), plus the special keys where they sit. Every accent is a key of its own: nothing
 * hides behind a long-press. Digits and "- _ : /" are there for the staff panel's fields.
 */
import { baseLanguage } from '../language-tag';
export type SpecialKey = 'shift' | 'backspace' | 'space' | 'done' | 'layout';
export type Key = { char: string } | { special: SpecialKey };

export const KEYBOARD_LAYOUTS = ['en', 'es'] as const;
export type KeyboardLayoutId = (typeof KEYBOARD_LAYOUTS)[number];

/** Each layout named in its own language, as on the key that switches to it. */
export const LAYOUT_NAMES: Record<KeyboardLayoutId, string> = { en: 'English', es: 'Español' };

const chars = (row: string): Key[] => [...row].map((char) => ({ char }));
const key = (special: SpecialKey): Key => ({ special });

export const LAYOUTS: Record<KeyboardLayoutId, readonly (readonly Key[])[]> = {
  en: [
    [...chars('1234567890'), key('backspace')],
    chars("qwertyuiop'"),
    chars('asdfghjkl-_'),
    [key('shift'), ...chars('zxcvbnm,.?')],
    [key('layout'), ...chars(':/!'), key('space'), key('done')],
  ],
  es: [
    [...chars('1234567890'), key('backspace')],
    chars('qwertyuiopá'),
    chars('asdfghjklñé'),
    [key('shift'), ...chars('zxcvbnmíóú')],
    [key('layout'), ...chars('¿?¡!ü,.'), key('space'), key('done')],
  ],
};

/** A language with no layout of its own types on this one (adding a layout is optional). */
export const FALLBACK_LAYOUT: KeyboardLayoutId = 'en';

/** The layout a UI language starts on: its own (by base language, "es-MX" → "es"), or the fallback. */
export function layoutFor(locale: string): KeyboardLayoutId {
  const base = baseLanguage(locale);
  return KEYBOARD_LAYOUTS.find((id) => id === base) ?? FALLBACK_LAYOUT;
}

/**
 * The layouts a kiosk offers: those its languages start on, once each, in the languages' order.
 * So a French screen beside English types on English and is never offered Spanish unless Spanish
 * is one of the kiosk's languages.
 */
export function offeredLayouts(locales: readonly string[]): KeyboardLayoutId[] {
  return [...new Set([...locales.map(layoutFor), ...(locales.length ? [] : [FALLBACK_LAYOUT])])];
}

/** The layout the layout key switches to (and names), or null when only one is offered (no key). */
export function nextLayout(current: KeyboardLayoutId, offered: readonly KeyboardLayoutId[]): KeyboardLayoutId | null {
  const others = offered.filter((id) => id !== current);
  if (others.length === 0) return null;
  const index = offered.indexOf(current);
  return index < 0 ? others[0]! : offered[(index + 1) % offered.length]!;
}

/** The character a key types: shift gives the upper case where there is one. */
export function typed(char: string, shift: boolean): string {
  return shift ? char.toLocaleUpperCase() : char;
}
