import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { onTapBurst, STAFF_TAPS, STAFF_TAPS_WITHIN_MS, TapBurst } from '../../renderer/src/lib/tap-burst';

/** Feeds tap times (ms) to a fresh burst and returns the indexes of the taps that completed one. */
function bursts(times: number[]): number[] {
  const burst = new TapBurst();
  return times.flatMap((time, index) => (burst.tap(time) ? [index] : []));
}

describe('the staff gesture: 5 taps within 3 seconds', () => {
  it('fires on the fifth quick tap, then starts afresh', () => {
    expect(bursts([0, 100, 200, 300, 400])).toEqual([4]);
    expect(bursts([0, 100, 200, 300, 400, 500, 600, 700, 800, 900])).toEqual([4, 9]);
    expect(bursts([0, 750, 1500, 2250, STAFF_TAPS_WITHIN_MS])).toEqual([4]); // exactly 3 s counts
  });

  it('does not fire when the taps spread over more than 3 seconds', () => {
    expect(bursts([0, 1000, 2000, 3000, 3001])).toEqual([]);
    // An old tap drops out of the window, and the burst completes with later ones.
    expect(bursts([0, 3001, 3002, 3003, 3004, 3005])).toEqual([5]);
  });

  it('for any tap times, fires exactly when the last 5 unused taps fall within 3 seconds', () => {
    const gaps = fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 40 });
    fc.assert(
      fc.property(gaps, (gapList) => {
        const times = gapList.reduce<number[]>((all, gap) => [...all, (all.at(-1) ?? 0) + gap], []);
        // A plain model: keep the taps since the last burst that are still in the window.
        let window: number[] = [];
        const expected: number[] = [];
        times.forEach((time, index) => {
          window = [...window.filter((t) => time - t <= STAFF_TAPS_WITHIN_MS), time];
          if (window.length >= STAFF_TAPS) {
            expected.push(index);
            window = [];
          }
        });
        expect(bursts(times)).toEqual(expected);
      }),
    );
  });

  it('listens on an element for the primary pointer only', () => {
    const element = document.createElement('div');
    document.body.append(element);
    let fired = 0;
    const stop = onTapBurst(() => fired++)(element)!;
    const tap = (isPrimary: boolean) => element.dispatchEvent(new PointerEvent('pointerdown', { isPrimary, bubbles: true }));
    for (let i = 0; i < STAFF_TAPS; i++) tap(false); // a second finger does not count
    expect(fired).toBe(0);
    for (let i = 0; i < STAFF_TAPS; i++) tap(true);
    expect(fired).toBe(1);
    (stop as () => void)();
    for (let i = 0; i < STAFF_TAPS; i++) tap(true);
    expect(fired).toBe(1);
    element.remove();
  });
});
