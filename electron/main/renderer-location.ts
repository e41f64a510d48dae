// Where the renderer comes from: the electron-vite dev server in development, the built
// out/renderer/index.html otherwise. The IPC sender check and navigation rules trust only this.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export type RendererLocation = { kind: 'dev-server'; url: string; origin: string } | { kind: 'file'; file: string; url: string };

export function rendererLocation(options: { isPackaged: boolean; env: NodeJS.ProcessEnv; mainDir: string }): RendererLocation {
  const devUrl = options.env.ELECTRON_RENDERER_URL;
  // A packaged app never follows an environment variable to a server.
  if (!options.isPackaged && devUrl) {
    const url = new URL(devUrl);
    if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) {
      return { kind: 'dev-server', url: url.href, origin: url.origin };
    }
  }
  const file = path.join(options.mainDir, '..', 'renderer', 'index.html');
  return { kind: 'file', file, url: pathToFileURL(file).href };
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
  return url.protocol === 'file:' && url.href === location.url;
}
