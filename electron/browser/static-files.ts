// Serves the built renderer. index.html gets the per-run token as a <meta> the renderer's API
// client reads; nothing outside the renderer folder can be reached, and only regular files are
// read (a socket or FIFO there would fail or block the read). A file that vanishes or cannot be
// read is an answer, never an exception: the folder is rebuilt while the server runs.
import fs from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { TOKEN_META_NAME } from '../../shared/browser-protocol';
import { RENDERER_INDEX, rendererContentType, rendererFileSegments } from '../../shared/renderer-files';

function injectToken(html: string, token: string): string {
  const meta = `<meta name="${TOKEN_META_NAME}" content="${token}" />`;
  // After <meta charset> (which must come first), else first in <head>.
  const anchor = [/<meta\s+charset=[^>]*>/i, /<head[^>]*>/i].find((pattern) => pattern.test(html));
  return anchor ? html.replace(anchor, (tag) => `${tag}\n    ${meta}`) : `${meta}\n${html}`;
}

async function isRegularFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

function notFound(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
  response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

/** Answers a GET or HEAD of `decodedPath` (percent-escapes already decoded) from root. */
export async function serveStatic(
  root: string,
  decodedPath: string,
  token: string,
  response: ServerResponse,
  headers: Readonly<Record<string, string>>,
): Promise<void> {
  const segments = rendererFileSegments(decodedPath);
  if (!segments) return notFound(response, headers);
  const index = path.join(root, RENDERER_INDEX);
  let file = path.join(root, ...segments);
  if (!(await isRegularFile(file))) {
    // Paths without an extension are app routes: answer the page. Missing assets are 404s.
    if (path.extname(file) !== '') return notFound(response, headers);
    file = index;
  }
  if (file === index) {
    let html: string;
    try {
      html = await fs.promises.readFile(index, 'utf8');
    } catch {
      // Not built yet, or being rebuilt.
      return notFound(response, headers);
    }
    response
      .writeHead(200, { ...headers, 'content-type': rendererContentType(index), 'cache-control': 'no-store' })
      .end(injectToken(html, token));
    return;
  }
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, 'r');
  } catch {
    return notFound(response, headers);
  }
  response.writeHead(200, { ...headers, 'content-type': rendererContentType(file), 'cache-control': 'no-cache' });
  // pipeline closes the file and ends or destroys the response on an error either side (a client
  // that goes away mid-file included).
  pipeline(handle.createReadStream(), response, () => {});
}
