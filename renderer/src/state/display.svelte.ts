/** The patient's display choices. Reset with the session, so the next patient starts at defaults. */

export const TEXT_SIZES = ['normal', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Root font scale for each size, up to 200% (WCAG 1.4.4); every length is in rem, so all grows together. */
export const TEXT_SCALE: Record<TextSize, number> = { normal: 1, large: 1.5, larger: 2 };

/** WCAG 1.4.6 (AAA): the contrast every text reaches in high-contrast mode. */
export const HIGH_CONTRAST_RATIO = 7;

export class DisplaySettings {
  textSize = $state<TextSize>('normal');
  /** Black on white with text contrast of at least 7:1 (WCAG 1.4.6); see app.css. */
  highContrast = $state(false);

  cycleTextSize(): void {
    this.textSize = TEXT_SIZES[(TEXT_SIZES.indexOf(this.textSize) + 1) % TEXT_SIZES.length]!;
  }

  /** Still the defaults: nothing of a patient's choice to clear. */
  get isDefault(): boolean {
    return this.textSize === 'normal' && !this.highContrast;
  }
}
