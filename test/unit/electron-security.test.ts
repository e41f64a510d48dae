// Session and web-contents protections, the CSP, and the external-link allow-list.
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { developmentCsp, RENDERER_CSP, RENDERER_CSP_HEADER } from '../../shared/content-security-policy';
import { EXTERNAL_HTTPS_HOSTS, isAllowedExternalUrl } from '../../electron/main/external-links';
import type { RendererLocation } from '../../electron/main/renderer-location';
import { isAppUrl, rendererLocation } from '../../electron/main/renderer-location';
import { cspFor, hardenSession, hardenWebContents, openExternalIfAllowed } from '../../electron/main/security';

const appLocation: RendererLocation = { kind: 'app-scheme', url: 'app://number-inventory/index.html', rendererDir: '/app/out/renderer' };
const devLocation: RendererLocation = { kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' };

function fakeSession() {
  const calls: {
    headers?: (d: unknown, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void;
    request?: (...args: unknown[]) => unknown;
    check?: (...args: unknown[]) => unknown;
  } = {};
  const session = {
    webRequest: { onHeadersReceived: (fn: never) => (calls.headers = fn) },
    setPermissionRequestHandler: (fn: (...args: unknown[]) => unknown) => (calls.request = fn),
    setPermissionCheckHandler: (fn: (...args: unknown[]) => unknown) => (calls.check = fn),
  };
  return { session, calls };
}

function fakeContents() {
  const listeners: Record<string, (event: { preventDefault(): void }, url?: string) => void> = {};
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, fn: never) => (listeners[name] = fn),
    setWindowOpenHandler: (fn: never) => (openHandler = fn),
  };
  const fire = (name: string, url?: string) => {
    const event = {
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    listeners[name](event, url);
    return event.prevented;
  };
  return { contents, fire, open: (url: string) => openHandler!({ url }), listeners };
}

describe('content security policy', () => {
  it('allows scripts only from the app, no eval, no inline scripts, no plugins, no framing', () => {
    const directives = Object.fromEntries(RENDERER_CSP_HEADER.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(RENDERER_CSP_HEADER).not.toContain('unsafe-eval');
    expect(RENDERER_CSP).not.toContain('frame-ancestors');
  });

  it('relaxes only what the dev server needs in development', () => {
    const dev = developmentCsp('http://localhost:5173');
    expect(dev).toContain("script-src 'self' 'unsafe-inline'");
    expect(dev).toContain("connect-src 'self' ws://localhost:5173");
    expect(dev).not.toContain('unsafe-eval');
    expect(cspFor(appLocation)).toBe(RENDERER_CSP_HEADER);
    expect(cspFor(devLocation)).toBe(developmentCsp('http://localhost:5173'));
  });

  it('is added to every response of the session, and every permission is refused', () => {
    const { session, calls } = fakeSession();
    hardenSession(session as never, appLocation);
    let headers: Record<string, string[]> = {};
    calls.headers!({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([RENDERER_CSP_HEADER]);
    expect(headers['content-type']).toEqual(['text/html']);
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal']) {
      const answer = vi.fn();
      calls.request!({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(calls.check!({}, permission, 'file:///app/out/renderer/index.html')).toBe(false);
    }
  });
});

describe('navigation, new windows and external links', () => {
  it('refuses every navigation and opens only allowed links outside', () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const { contents, fire } = fakeContents();
    hardenWebContents(contents as never, appLocation, shell);
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'file:///app/out/renderer/index.html')).toBe(true);
    expect(fire('will-navigate', 'app://number-inventory/index.html')).toBe(true);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(fire('will-navigate', 'mailto:billing@example.com')).toBe(true);
    expect(shell.openExternal).toHaveBeenCalledWith('mailto:billing@example.com');
  });

  it('denies window.open, handing allow-listed URLs to the OS', () => {
    const shell = { openExternal: vi.fn(async () => {}) };
    const { contents, open } = fakeContents();
    hardenWebContents(contents as never, appLocation, shell);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(open(`https://${EXTERNAL_HTTPS_HOSTS[0]}/page`)).toEqual({ action: 'deny' });
    expect(shell.openExternal).toHaveBeenCalledWith(`https://${EXTERNAL_HTTPS_HOSTS[0]}/page`);
  });

  it('blocks <webview> and redirects away from the app', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents as never, devLocation, { openExternal: vi.fn() });
    expect(fire('will-attach-webview')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'http://localhost:5173/index.html')).toBe(false);
  });

  it('allows only mailto: and https to listed hosts', () => {
    expect(isAllowedExternalUrl('mailto:ops@example.com')).toBe(true);
    expect(isAllowedExternalUrl(`https://${EXTERNAL_HTTPS_HOSTS[0]}/x`)).toBe(true);
    for (const url of [
      'http://www.itu.int/',
      'https://www.itu.int.evil.example/',
      'https://user:pw@www.itu.int/',
      'https://www.itu.int:8443/',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'smb://host/share',
      'ms-msdt:/id',
      'not a url',
      'mailto:',
    ]) {
      expect(isAllowedExternalUrl(url), url).toBe(false);
    }
    const shell = { openExternal: vi.fn(async () => {}) };
    expect(openExternalIfAllowed(shell, 'javascript:alert(1)')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('renderer location', () => {
  it('uses the dev server only when not packaged and only on loopback', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererLocation({ isPackaged: false, env, mainDir: '/app/out/main' }).kind).toBe('dev-server');
    // Built: the app:// scheme over the renderer folder beside out/main, never a file:// page.
    expect(rendererLocation({ isPackaged: true, env, mainDir: '/app/out/main' })).toEqual({
      kind: 'app-scheme',
      url: 'app://number-inventory/index.html',
      rendererDir: path.join('/app/out/main', '..', 'renderer'),
    });
    expect(rendererLocation({ isPackaged: false, env: {}, mainDir: '/app/out/main' }).url).toBe('app://number-inventory/index.html');
    expect(
      rendererLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://evil.example:5173' }, mainDir: '/app/out/main' }).kind,
    ).toBe('app-scheme');
    // A malformed value is ignored like a foreign one, not a crash at start.
    expect(rendererLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://[' }, mainDir: '/app/out/main' }).kind).toBe(
      'app-scheme',
    );
  });

  it('recognises only the app page as the app', () => {
    expect(isAppUrl('app://number-inventory/index.html#/x', appLocation)).toBe(true);
    expect(isAppUrl('app://number-inventory/index.html?a=1', appLocation)).toBe(true);
    for (const url of [
      'app://number-inventory/other.html',
      'app://number-inventory/',
      'app://evil.example/index.html',
      'app://number-inventory.evil.example/index.html',
      'file:///app/out/renderer/index.html',
      'file:///etc/passwd',
      'https://number-inventory/index.html',
    ]) {
      expect(isAppUrl(url, appLocation), url).toBe(false);
    }
    expect(isAppUrl('http://localhost:5173/src/x', devLocation)).toBe(true);
    expect(isAppUrl('http://localhost:5174/', devLocation)).toBe(false);
    expect(isAppUrl('garbage', devLocation)).toBe(false);
  });
});
