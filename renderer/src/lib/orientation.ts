/**
 * Whether the screen is in portrait. One MediaQuery for the whole app, made at start-up: a component
 * that made its own would create a MediaQueryList (and its listener) on every mount, all day.
 */
import { MediaQuery } from 'svelte/reactivity';

export const portrait = new MediaQuery('orientation: portrait');
