/** The patient's display choices. Reset with the session, so the next patient starts at defaults. */

export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Root font scale for each size; every length in the UI is in rem, so everything grows together. */
export const TEXT_SCALE: Record<TextSize, number> = { normal: 1, large: 1.2, larger: 1.4 };

export class DisplaySettings {
  textSize = $state<TextSize>('normal');

  cycleTextSize(): void {
    this.textSize = TEXT_SIZES[(TEXT_SIZES.indexOf(this.textSize) + 1) % TEXT_SIZES.length]!;
  }
}
