import { afterEach, describe, expect, it } from 'vitest';
import { INLINE_BOOTSTRAP_ID } from '@common/api/inline-bootstrap';
import { takeInlineBootstrap } from '../../renderer/src/state/bootstrap.svelte';

/** The page as a shell sends it: the bootstrap as a JSON block beside the rendered screen. */
function inline(text: string): void {
  const element = document.createElement('script');
  element.type = 'application/json';
  element.id = INLINE_BOOTSTRAP_ID;
  element.textContent = text;
  document.body.append(element);
}

const shaped = {
  content: { title: 'Is ketamine therapy addictive?', sections: [] },
  strings: {},
  clinic: { name: 'Clinic', accentColor: '#2f6f73', logoDataUrl: null },
  locales: [],
  session: { idleTimeoutSeconds: 90, idleWarningSeconds: 20, keepPartialFeedback: false },
};

afterEach(() => document.getElementById(INLINE_BOOTSTRAP_ID)?.remove());

describe('takeInlineBootstrap', () => {
  it('takes the bootstrap out of the page, once', () => {
    inline(JSON.stringify(shaped));
    expect(takeInlineBootstrap()).toEqual(shaped);
    expect(document.getElementById(INLINE_BOOTSTRAP_ID)).toBeNull();
    expect(takeInlineBootstrap()).toBeNull();
  });

  // Each would have drawn a blank page: the screens read these parts first. Null makes the app
  // mount afresh and ask the kiosk service.
  it.each([
    ['unreadable JSON', '{"content":'],
    ['an empty object', '{}'],
    ['an array', '[]'],
    ['null', 'null'],
    ['no content sections', JSON.stringify({ ...shaped, content: { title: 'x' } })],
    ['no clinic', JSON.stringify({ ...shaped, clinic: null })],
    ['no session rules', JSON.stringify({ ...shaped, session: 'x' })],
    ['no language list', JSON.stringify({ ...shaped, locales: {} })],
  ])('gives null for %s', (_name, text) => {
    inline(text);
    expect(takeInlineBootstrap()).toBeNull();
  });
});
