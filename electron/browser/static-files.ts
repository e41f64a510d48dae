// Serves the built renderer. index.html gets the per-run token as a <meta> the renderer's API
// client reads; nothing outside the renderer folder can be reached.
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { TOKEN_META_NAME } from '../../shared/browser-protocol';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}" />`;
  // After <meta charset> (which must come first), else first in <head>.
  const anchor = [/<meta\s+charset=[^>]*>/i, /<head[^>]*>/i].find((pattern) => pattern.test(html));
  return anchor ? html.replace(anchor, (tag) => `${tag}\n    ${meta}`) : `${meta}\n${html}`;
}

/** The file a URL path names inside root, or null when it would leave root. */
function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const base = path.resolve(root);
  return file === base || file.startsWith(base + path.sep) ? file : null;
}

export function serveStatic(root: string, urlPath: string, token: string, response: ServerResponse, headers: Record<string, string>): void {
  const index = path.join(root, 'index.html');
  let file = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  if (file && (!fs.existsSync(file) || fs.statSync(file).isDirectory())) {
    // Paths without an extension are app routes: answer the page. Missing assets are 404s.
    file = path.extname(file) ? null : index;
  }
  if (!file) {
    response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  if (file === index) {
    const html = injectToken(fs.readFileSync(index, 'utf8'), token);
    response.writeHead(200, { ...headers, 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(html);
    return;
  }
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  response.writeHead(200, { ...headers, 'content-type': type, 'cache-control': 'no-cache' });
  fs.createReadStream(file).pipe(response);
}
