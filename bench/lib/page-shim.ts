/**
 * tsx compiles the bench with esbuild's keepNames, which wraps named functions in a `__name(…)`
 * helper. Functions the bench hands to the page (init scripts, `page.evaluate`) are sent as source
 * text, so the page needs that helper too: a no-op is enough.
 */
import type { Page } from 'playwright-core';

export const addNameShim = (page: Page) => page.addInitScript('self.__name ??= (fn) => fn;');
