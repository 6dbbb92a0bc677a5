/** Picks readable text for the clinic's accent colour, by WCAG 2 contrast ratio; darkens it for high contrast. */

const DARK_TEXT = '#1f1a16';
const LIGHT_TEXT = '#ffffff';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(hex.slice(i, i + 2), 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export function readableTextOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/**
 * The accent darkened, step by step, until it reaches `ratio` against white: high-contrast mode
 * keeps the clinic's hue while text and icons drawn in it meet 7:1 (WCAG 1.4.6).
 */
export function darkenToContrast(hex: string, ratio: number): string {
  let channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  const toHex = () => `#${channels.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
  while (contrastRatio(toHex(), LIGHT_TEXT) < ratio) channels = channels.map((c) => c * 0.9);
  return toHex();
}
