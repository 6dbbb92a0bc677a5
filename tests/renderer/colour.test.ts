import fc from 'fast-check';
import { expect, it } from 'vitest';
import { contrastRatio, readableTextOn } from '../../renderer/src/lib/colour';

const hexColour = fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`);
const CHOICES = ['#ffffff', '#1f1a16'];

it('picks, for any accent colour, the text colour with the better contrast, and never less than 4:1', () => {
  fc.assert(
    fc.property(hexColour, (accent) => {
      const text = readableTextOn(accent);
      const other = CHOICES.find((choice) => choice !== text)!;
      expect(CHOICES).toContain(text);
      expect(contrastRatio(accent, text)).toBeGreaterThanOrEqual(contrastRatio(accent, other));
      // The worst case (a mid red) gives 4.15:1: above WCAG AA for the kiosk's large button text (3:1).
      expect(contrastRatio(accent, text)).toBeGreaterThanOrEqual(4);
    }),
    { numRuns: 5000 },
  );
});

it('measures contrast the WCAG way: symmetric, 1:1 for a colour on itself, 21:1 for black on white', () => {
  fc.assert(fc.property(hexColour, hexColour, (a, b) => Math.abs(contrastRatio(a, b) - contrastRatio(b, a)) < 1e-9));
  fc.assert(fc.property(hexColour, (a) => contrastRatio(a, a) === 1));
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
  expect(readableTextOn('#2f6f73')).toBe('#ffffff'); // the default accent
  expect(readableTextOn('#f5d000')).toBe('#1f1a16');
});
