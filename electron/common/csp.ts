/**
 * The one Content-Security-Policy of the kiosk's page, for both shells and the built index.html.
 * The page runs only its own scripts and styles (Svelte sets inline styles) and shows images of
 * its own or as data: URLs (clinic logos). Only the browser shell's page talks to its server
 * (`connect-src 'self'`); the Electron page calls the API through the preload and needs no network.
 */
export interface CspOptions {
  /** The browser shell fetches /api/ from its own origin; the Electron page fetches nothing. */
  connect: 'self' | 'none';
  /** `frame-ancestors` works only in a header; a `<meta>` policy must leave it out. */
  forMeta?: boolean;
}

export function contentSecurityPolicy({ connect, forMeta = false }: CspOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src '${connect}'`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...(forMeta ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}
