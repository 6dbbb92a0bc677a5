/**
 * The on-screen keyboard's layouts. Each row is a string of the characters its keys type (in their
 * lower-case form), plus the special keys where they sit. Every accent is a key of its own: nothing
 * hides behind a long-press. Digits and "- _ : /" are there for the staff panel's fields.
 */
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

/** The character a key types: shift gives the upper case where there is one. */
export function typed(char: string, shift: boolean): string {
  return shift ? char.toLocaleUpperCase() : char;
}
