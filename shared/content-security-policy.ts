// The renderer's Content-Security-Policy and the other headers every response of the page carries,
// in one place: the desktop app's app:// protocol and browser mode send them with each file, and the
// renderer build also writes the policy into index.html as a <meta> (a copy of the page opened some
// other way keeps it). No electron import, so config files and browser mode can use it.

/**
 * Scripts only from the app itself; inline styles allowed because MUI/emotion inject <style>
 * elements at run time; data: images and fonts for icons; the API is same-origin (browser mode's
 * fetch and EventSource); nothing may embed the app, post forms or change the base URL.
 */
const RENDERER_CSP_DIRECTIVES: readonly string[] = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
];

/** For the <meta> form (frame-ancestors is ignored there). */
export const RENDERER_CSP = RENDERER_CSP_DIRECTIVES.join('; ');

/** For response headers. */
export const RENDERER_CSP_HEADER = [...RENDERER_CSP_DIRECTIVES, "frame-ancestors 'none'"].join('; ');

/**
 * Sent with every file of the page, by both of its servers: the policy, no MIME sniffing, no framing
 * (also for browsers that predate frame-ancestors), no referrer, and no window or resource sharing
 * with other origins.
 */
export const RENDERER_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': RENDERER_CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/**
 * Development only (electron-vite dev server): Vite's React refresh preamble is an inline module
 * script and hot reload talks over a WebSocket to the dev server.
 */
export function developmentCsp(devServerOrigin: string): string {
  const ws = devServerOrigin.replace(/^http/, 'ws');
  return RENDERER_CSP_DIRECTIVES.map((directive) => {
    if (directive.startsWith('script-src')) return `${directive} 'unsafe-inline'`;
    if (directive.startsWith('connect-src')) return `${directive} ${ws}`;
    return directive;
  }).join('; ');
}
