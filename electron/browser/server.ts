// Browser mode: the renderer and the same contract over loopback HTTP, for developing and testing
// the UI where Electron cannot run. Not a network server: it binds 127.0.0.1, refuses foreign Host
// headers, and every API call needs the per-run token written into the page it served.
//   POST /api/<channel>            JSON body, header x-number-inventory-token -> Outcome JSON
//   GET  /api/events?token=...     Server-Sent Events stream of ChangeEvent
//   GET  anything else             the built renderer (index.html with the token meta)
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChangeEvent, Outcome } from '../../shared/contract';
import { dispatch } from '../core/api/handlers';
import { failureOutcome } from '../core/failures';
import type { Inventory } from '../core/inventory';
import { RENDERER_CSP_HEADER } from '../../shared/content-security-policy';
import { watchDatabase } from '../core/db/database-watch';
import { EventStream } from './event-stream';
import { hostAllowed, newToken, tokenMatches } from './request-guard';
import { serveStatic } from './static-files';
import { API_PREFIX, EVENTS_PATH, TOKEN_HEADER } from '../../shared/browser-protocol';

/** orgs:import takes up to 10 million characters of CSV. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': RENDERER_CSP_HEADER,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export interface BrowserServerOptions {
  inventory: Inventory;
  /** Folder of the built renderer (index.html and assets). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed for tests; random per run otherwise. */
  token?: string;
  /** How often to look for commits by other processes (the CLI). */
  watchIntervalMs?: number;
}

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  /** Announce a change made outside HTTP calls (e.g. a sweep). */
  notifyChange(event: ChangeEvent): void;
  close(): Promise<void>;
}

const refusal = (message: string): Outcome<never> => ({ ok: false, error: { code: 'FORBIDDEN', message } });

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? newToken();
  const events = new EventStream();
  const notifyChange = (event: ChangeEvent) => events.send(event);
  let port = 0;

  async function handleApi(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    if (url.pathname === EVENTS_PATH) {
      if (request.method !== 'GET') return sendJson(response, 405, refusal('Use GET for the event stream.'));
      if (!tokenMatches(token, url.searchParams.get('token'))) return sendJson(response, 403, refusal('Missing or wrong token.'));
      events.add(response);
      return;
    }
    if (request.method !== 'POST') return sendJson(response, 405, refusal('Use POST for API calls.'));
    if (!tokenMatches(token, request.headers[TOKEN_HEADER])) return sendJson(response, 403, refusal('Missing or wrong token.'));
    // A JSON content type cannot be sent cross-site without a CORS preflight, which is never granted.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return sendJson(response, 415, {
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'The body must be JSON (content-type: application/json).' },
      });
    }
    const body = await readBody(request);
    if (body === null)
      return sendJson(response, 413, { ok: false, error: { code: 'LIMIT_EXCEEDED', message: 'The request body is too large.' } });
    let payload: unknown;
    try {
      payload = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 400, { ok: false, error: { code: 'INVALID_INPUT', message: 'The request body is not valid JSON.' } });
    }
    const channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
    // Same validation as IPC: dispatch checks the channel and the payload and never throws.
    sendJson(response, 200, await dispatch(options.inventory, channel, payload, notifyChange));
  }

  const server = http.createServer((request, response) => {
    if (!hostAllowed(request.headers.host, port)) {
      sendJson(response, 403, refusal('Unexpected Host header: browser mode answers only 127.0.0.1 and localhost.'));
      return;
    }
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === EVENTS_PATH || url.pathname.startsWith(API_PREFIX)) {
      handleApi(request, response, url).catch((error: unknown) => {
        if (!response.headersSent) sendJson(response, 500, failureOutcome(error));
      });
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendJson(response, 405, refusal('Only GET serves the app.'));
      return;
    }
    serveStatic(options.rendererDir, url.pathname, token, response, SECURITY_HEADERS);
  });

  const stopWatching = watchDatabase(options.inventory.db, () => notifyChange({ scope: 'numbers' }), options.watchIntervalMs);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        port,
        token,
        notifyChange,
        close: () =>
          new Promise<void>((done) => {
            stopWatching();
            events.close();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
