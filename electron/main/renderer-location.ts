// Where the renderer comes from: the electron-vite dev server in development, otherwise the built
// out/renderer folder served as app://number-inventory/ (app-protocol.ts). The IPC sender check and
// navigation rules trust only this; a file:// page is never the app.
import path from 'node:path';
import { APP_PAGE_URL } from './app-protocol';

export type RendererLocation =
  | { kind: 'dev-server'; url: string; origin: string }
  | { kind: 'app-scheme'; url: typeof APP_PAGE_URL; /** The folder the scheme serves. */ rendererDir: string };

export function rendererLocation(options: { isPackaged: boolean; env: NodeJS.ProcessEnv; mainDir: string }): RendererLocation {
  const devUrl = options.env.ELECTRON_RENDERER_URL;
  // A packaged app never follows an environment variable to a server.
  const url = !options.isPackaged && devUrl && URL.canParse(devUrl) ? new URL(devUrl) : null;
  if (url) {
    if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) {
      return { kind: 'dev-server', url: url.href, origin: url.origin };
    }
  }
  return { kind: 'app-scheme', url: APP_PAGE_URL, rendererDir: path.join(options.mainDir, '..', 'renderer') };
}

/** Whether a URL is the app's own page (query and fragment aside). */
export function isAppUrl(candidate: string, location: RendererLocation): boolean {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (location.kind === 'dev-server') return url.origin === location.origin;
  url.hash = '';
  url.search = '';
  // Compared whole: for a scheme Node does not know, URL.origin is "null" for every host.
  return url.href === location.url;
}
