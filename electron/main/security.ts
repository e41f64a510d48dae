// Session- and contents-wide protections: the CSP header, no permissions, no navigation away from
// the app, no new windows, no <webview>, and external links only from the allow-list.
import type { Session, Shell, WebContents } from 'electron';
import { developmentCsp, RENDERER_CSP_HEADER } from '../../shared/content-security-policy';
import { isAllowedExternalUrl } from './external-links';
import { isAppUrl, type RendererLocation } from './renderer-location';

export function cspFor(location: RendererLocation): string {
  return location.kind === 'dev-server' ? developmentCsp(location.origin) : RENDERER_CSP_HEADER;
}

export function hardenSession(session: Session, location: RendererLocation): void {
  const csp = cspFor(location);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  // The app needs no camera, notifications-from-web, geolocation, clipboard-read, etc.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Opens the URL in the OS only when it is on the allow-list; reports whether it did. */
export function openExternalIfAllowed(shell: Pick<Shell, 'openExternal'>, url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}

export function hardenWebContents(contents: WebContents, location: RendererLocation, shell: Pick<Shell, 'openExternal'>): void {
  contents.on('will-navigate', (event, url) => {
    // The app is one page (reloads do not pass here): every navigation is refused, and an allowed
    // link (mailto:, listed https) goes to the OS instead.
    event.preventDefault();
    openExternalIfAllowed(shell, url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, location)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(shell, url);
    return { action: 'deny' };
  });
}
