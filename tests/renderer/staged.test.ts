import { afterEach, describe, expect, it, vi } from 'vitest';
import { page } from 'vitest/browser';
import { render } from 'vitest-browser-svelte';
import StagedQuestion from './StagedQuestion.svelte';

afterEach(() => {
  vi.useRealTimers();
});

// A screen built ahead (KioskShell) waits hidden and inert: nothing of it is on screen, reachable or
// running until it is shown; then it takes focus and starts, as a freshly mounted screen did.
describe('a screen waiting on the stage', () => {
  it('is hidden from everyone and takes no focus; shown, its heading takes focus', async () => {
    const screen = await render(StagedQuestion, { shown: false, onThanksDone: () => {} });
    const before = page.getByRole('button', { name: 'Pressed before' });
    (before.element() as HTMLElement).focus();
    const heading = page.getByRole('heading', { name: 'How worried are you?' });
    await expect.element(heading).not.toBeInTheDocument(); // role queries skip hidden content
    expect(screen.container.querySelector('h1')!.checkVisibility({ visibilityProperty: true })).toBe(false);
    expect(screen.container.querySelector('[inert]')).not.toBeNull();
    expect(document.activeElement).toBe(before.element());

    await screen.rerender({ shown: true });
    await expect.element(heading).toBeVisible();
    await expect.element(heading).toHaveFocus();
    await expect.element(page.getByRole('button', { name: /Not at all/ })).toBeVisible();
  });

  it("runs the thank-you screen's return timer only once it is shown", async () => {
    vi.useFakeTimers();
    const done = vi.fn();
    const screen = await render(StagedQuestion, { shown: false, onThanksDone: done });
    vi.advanceTimersByTime(60_000);
    expect(done).not.toHaveBeenCalled();

    await screen.rerender({ shown: true });
    vi.advanceTimersByTime(8_000);
    expect(done).toHaveBeenCalledTimes(1);
  });
});
