/**
 * What the page's root element (`<html>`) carries for the patient's display choices: language,
 * contrast, text size and the clinic's accent. One place for both renders: KioskShell applies it in
 * the page, and the server writes it into the page it sends (ssr.ts), so the first paint is in the
 * clinic's colour and hydration changes nothing.
 */
import type { TextSize } from '../state/display.svelte';
import { HIGH_CONTRAST_RATIO, TEXT_SCALE } from '../state/display.svelte';
import { darkenToContrast, readableTextOn } from './colour';

export interface RootAttributes {
  lang: string;
  contrast: 'high' | 'normal';
  /** CSS properties set inline on the root. */
  style: Record<string, string>;
}

export function rootAttributes(options: { accentColor: string; highContrast: boolean; textSize: TextSize; locale: string }): RootAttributes {
  const accent = options.highContrast ? darkenToContrast(options.accentColor, HIGH_CONTRAST_RATIO) : options.accentColor;
  return {
    lang: options.locale,
    contrast: options.highContrast ? 'high' : 'normal',
    style: { '--accent': accent, '--on-accent': readableTextOn(accent), 'font-size': `${TEXT_SCALE[options.textSize] * 100}%` },
  };
}
