// The on-screen keyboard's layouts: the Spanish one has every accent as a key of its own, and
// both have the keys the design asks for, each once.
import { describe, expect, it } from 'vitest';
import { KEYBOARD_LAYOUTS, LAYOUTS, layoutFor, nextLayout, offeredLayouts, typed } from '../../../renderer/src/lib/keyboard/layouts.js';

const chars = (layout: (typeof KEYBOARD_LAYOUTS)[number]) => LAYOUTS[layout].flat().flatMap((key) => ('char' in key ? [key.char] : []));
const specials = (layout: (typeof KEYBOARD_LAYOUTS)[number]) => LAYOUTS[layout].flat().flatMap((key) => ('special' in key ? [key.special] : []));

describe('keyboard layouts', () => {
  it('Spanish: ñ, every accent, ¿ and ¡ are keys of their own', () => {
    expect(chars('es')).toEqual(expect.arrayContaining([...'ñáéíóúü¿¡?!']));
  });

  it.each(KEYBOARD_LAYOUTS)('%s: the letters, digits, and each special key once; no key twice', (layout) => {
    expect(chars(layout)).toEqual(expect.arrayContaining([...'abcdefghijklmnopqrstuvwxyz0123456789']));
    expect(new Set(chars(layout)).size).toBe(chars(layout).length);
    expect(specials(layout).sort()).toEqual(['backspace', 'done', 'layout', 'shift', 'space']);
  });

  it('shift types the capital, accents included', () => {
    expect([...'ñé¿'].map((char) => typed(char, true)).join('')).toBe('ÑÉ¿');
    expect(typed('q', false)).toBe('q');
  });
});

describe('a language without a layout of its own', () => {
  it("types on the English layout; a regional tag finds its language's layout", () => {
    expect(layoutFor('fr')).toBe('en');
    expect(layoutFor('xx')).toBe('en');
    expect(layoutFor('es-MX')).toBe('es');
  });

  it("is never offered Spanish unless Spanish is one of the kiosk's languages", () => {
    expect(offeredLayouts(['en', 'fr'])).toEqual(['en']);
    expect(nextLayout('en', offeredLayouts(['en', 'fr']))).toBeNull();
    expect(offeredLayouts(['fr'])).toEqual(['en']);
    expect(offeredLayouts([])).toEqual(['en']);
  });

  it('with Spanish offered, the layout key on a French screen names Spanish, and on Spanish names English', () => {
    const offered = offeredLayouts(['en', 'es', 'fr']);
    expect(offered).toEqual(['en', 'es']);
    expect(nextLayout(layoutFor('fr'), offered)).toBe('es');
    expect(nextLayout('es', offered)).toBe('en');
    // A kiosk whose pack is French, with a Spanish translation: English (the fallback) and Spanish.
    expect(offeredLayouts(['fr', 'es'])).toEqual(['en', 'es']);
  });
});
