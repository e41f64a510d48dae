// The app:// scheme the built renderer is served from, instead of file://: the page gets a real
// origin of its own (app://number-inventory) rather than every file on the disk, the CSP and the
// other page headers arrive as response headers, and nothing outside the renderer folder can be
// named. The handler takes a fetch Request and answers a Response, so it runs under plain Node too.
import type { Protocol } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { RENDERER_RESPONSE_HEADERS } from '../../shared/content-security-policy';
import { decodeUrlPath, RENDERER_INDEX, rendererContentType, rendererFileSegments } from '../../shared/renderer-files';

export const APP_SCHEME = 'app';
const APP_HOST = 'number-inventory';
/** The one page of the app; the renderer navigates by the fragment only. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/${RENDERER_INDEX}`;

/**
 * standard: parsed like http (a host, relative URLs, an origin); secure: a secure context, as
 * https; supportFetchAPI: the renderer's module scripts and fetch may load from it. Never
 * bypassCSP, and no service workers, CORS or streaming: the page needs none of them.
 */
const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

/** Before the app is ready (Electron's rule for privileged schemes). */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

function answer(status: number, text: string): Response {
  return new Response(text, { status, headers: { ...RENDERER_RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

/** The protocol handler serving rendererDir at app://number-inventory/. */
export function rendererProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Only GET serves the app.');
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return answer(400, 'Not a valid address.');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return answer(404, 'Not found');
    const decoded = decodeUrlPath(url.pathname);
    if (decoded === null) return answer(400, 'The address has a malformed percent-escape.');
    const segments = rendererFileSegments(decoded);
    if (!segments) return answer(404, 'Not found');
    const file = path.join(rendererDir, ...segments);
    let body: Buffer;
    try {
      // Only regular files: a FIFO or socket would block or fail the read.
      if (!(await fs.promises.stat(file)).isFile()) return answer(404, 'Not found');
      body = await fs.promises.readFile(file);
    } catch {
      return answer(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: { ...RENDERER_RESPONSE_HEADERS, 'content-type': rendererContentType(file), 'cache-control': 'no-cache' },
    });
  };
}
