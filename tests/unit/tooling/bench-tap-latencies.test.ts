import { describe, expect, it } from 'vitest';
import { tapLatencies } from '../../../bench/lib/probes.js';

// Event Timing entries as Chromium reported them for real Playwright taps (startTime relative to the page).
const entry = (name: string, startTime: number, duration: number, interactionId: number) => ({ name, startTime, duration, interactionId });

describe('tap latency from Event Timing entries', () => {
  it('counts a click that starts after its unreported pointerdown (the touch ended later)', () => {
    // Seen at 4× throttle: the pointerdown took under 16 ms (no entry), the click began 9 ms later and took 72 ms.
    const taps = [1000, 2000];
    const events = [entry('pointerup', 1009, 32, 7), entry('click', 1009, 72, 7), entry('click', 2000, 24, 8)];
    expect(tapLatencies({ taps, events }, 16)).toEqual([72, 24]);
  });

  it('takes the longest entry of each tap, and the threshold for a tap with none', () => {
    const taps = [100, 500, 900];
    const events = [entry('pointerdown', 100, 24, 1), entry('click', 100, 56, 1), entry('pointerdown', 900, 40, 3)];
    expect(tapLatencies({ taps, events }, 16)).toEqual([56, 16, 40]);
  });
});
