/**
 * The welcome screen is on show most of the day, so what moves on it must be cheap: endless
 * animations may only change `transform` and `opacity` (the compositor runs those without
 * repainting), and under reduced motion nothing moves at all.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** Every endless animation on the page, with the CSS properties its keyframes change. */
function endlessAnimations(page: Page) {
  return page.evaluate(() =>
    document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime === Infinity)
      .map((animation) => {
        const effect = animation.effect as KeyframeEffect;
        const properties = new Set(effect.getKeyframes().flatMap((frame) => Object.keys(frame)));
        for (const meta of ['offset', 'computedOffset', 'easing', 'composite']) properties.delete(meta);
        return { name: (animation as CSSAnimation).animationName, target: (effect.target as Element).className, properties: [...properties].sort() };
      }),
  );
}

test('the welcome screen animates only transform and opacity', async ({ kiosk: page }) => {
  const animations = await endlessAnimations(page);
  // The attract loop and the Start button's breathing ring are there, or this test checks nothing
  // (Svelte scopes keyframe names: `svelte-abc123-breathe`).
  expect(animations.filter((a) => a.name.endsWith('breathe'))).toHaveLength(1);
  expect(animations.filter((a) => a.name.endsWith('drift'))).toHaveLength(2);
  for (const animation of animations) {
    expect(animation.properties, `${animation.name} on .${animation.target}`).not.toHaveLength(0);
    for (const property of animation.properties) expect(['transform', 'opacity'], `${animation.name} changes ${property}`).toContain(property);
  }
});

test('nothing moves on the welcome screen under reduced motion', async ({ kiosk: page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(() => endlessAnimations(page)).toEqual([]);
});
