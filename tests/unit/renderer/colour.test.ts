// High contrast keeps the clinic's hue but darkens it until text in it reaches 7:1 on white.
import { describe, expect, it } from 'vitest';
import { contrastRatio, darkenToContrast, readableTextOn } from '../../../renderer/src/lib/colour.js';

describe('darkenToContrast', () => {
  it.each(['#2f6f73', '#ff9900', '#ffffff', '#7fb3d5'])('%s reaches 7:1 against white, and white text on it too', (accent) => {
    const dark = darkenToContrast(accent, 7);
    expect(contrastRatio(dark, '#ffffff')).toBeGreaterThanOrEqual(7);
    expect(readableTextOn(dark)).toBe('#ffffff');
  });

  it('leaves an accent that is already dark enough as it is', () => {
    expect(darkenToContrast('#123456', 7)).toBe('#123456');
  });

  it('keeps the hue: the channels shrink together', () => {
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(darkenToContrast('#ff9900', 7).slice(i, i + 2), 16));
    expect(b).toBe(0);
    expect(r! / g!).toBeCloseTo(0xff / 0x99, 1);
  });
});
