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
import { RENDERER_RESPONSE_HEADERS } from '../../shared/content-security-policy';
import { EventStream } from './event-stream';
import { hostAllowed, newToken, tokenMatches } from './request-guard';
import { parseRequestTarget } from './request-target';
import { serveStatic } from './static-files';
import { API_PREFIX, EVENTS_PATH, TOKEN_HEADER } from '../../shared/browser-protocol';

/** orgs:import takes up to 10 million characters of CSV. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

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
const invalid = (message: string): Outcome<never> => ({ ok: false, error: { code: 'INVALID_INPUT', message } });
const TOO_LARGE: Outcome<never> = {
  ok: false,
  error: { code: 'LIMIT_EXCEEDED', message: `The request body is too large (at most ${MAX_BODY_BYTES / (1024 * 1024)} MB).` },
};

function sendJson(response: ServerResponse, status: number, body: unknown, extraHeaders: Record<string, string> = {}): void {
  response.writeHead(status, {
    ...RENDERER_RESPONSE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...extraHeaders,
  });
  response.end(JSON.stringify(body));
}

/**
 * The body as text, or null once it passes MAX_BODY_BYTES (what was read is dropped; the rest is
 * drained by refuseTooLarge).
 */
function readBody(request: IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      request.off('data', collect);
      resolve(null);
    };
    request.on('data', collect);
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** How much of a refused body is read and dropped before answering; past it the connection is closed. */
const MAX_DRAINED_BYTES = 4 * MAX_BODY_BYTES;

/**
 * Answers 413 once the client has sent its whole body (read and dropped, up to MAX_DRAINED_BYTES).
 * Answering while it still sends would close the connection under it (always so with
 * `Connection: close`), and a client that reads only after sending would see a reset, not the 413.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  let drained = 0;
  let answered = false;
  const answer = () => {
    if (answered) return;
    answered = true;
    request.off('data', drain);
    sendJson(response, 413, TOO_LARGE);
  };
  const drain = (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAINED_BYTES) answer();
  };
  request.on('data', drain);
  request.once('end', answer);
  request.once('error', answer);
  request.resume();
}

/** A Content-Length over the limit is refused before reading a byte of the body. */
function declaredTooLarge(request: IncomingMessage): boolean {
  const declared = Number(request.headers['content-length'] ?? 0);
  return Number.isFinite(declared) && declared > MAX_BODY_BYTES;
}

export function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? newToken();
  const events = new EventStream();
  const notifyChange = (event: ChangeEvent) => events.send(event);
  let port = 0;

  async function handleApi(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): Promise<void> {
    if (path === EVENTS_PATH) {
      if (request.method !== 'GET') return sendJson(response, 405, refusal('Use GET for the event stream.'));
      if (!tokenMatches(token, query.get('token'))) return sendJson(response, 403, refusal('Missing or wrong token.'));
      events.add(response);
      return;
    }
    if (request.method !== 'POST') return sendJson(response, 405, refusal('Use POST for API calls.'));
    if (!tokenMatches(token, request.headers[TOKEN_HEADER])) return sendJson(response, 403, refusal('Missing or wrong token.'));
    // A JSON content type cannot be sent cross-site without a CORS preflight, which is never granted.
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      return sendJson(response, 415, invalid('The body must be JSON (content-type: application/json).'));
    }
    if (declaredTooLarge(request)) return refuseTooLarge(request, response);
    const body = await readBody(request);
    if (body === null) return refuseTooLarge(request, response);
    let payload: unknown;
    try {
      payload = body.trim() === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 400, invalid('The request body is not valid JSON.'));
    }
    // Same validation as IPC: dispatch checks the channel and the payload and never throws.
    const started = performance.now();
    const outcome = await dispatch(options.inventory, path.slice(API_PREFIX.length), payload, notifyChange);
    // The core's own time, readable by the page (PerformanceResourceTiming.serverTiming): the UI
    // benchmark sets it beside the time from a click to the rows on screen.
    sendJson(response, 200, outcome, { 'server-timing': `core;dur=${(performance.now() - started).toFixed(2)}` });
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!hostAllowed(request.headers.host, port)) {
      return sendJson(response, 403, refusal('Unexpected Host header: browser mode answers only 127.0.0.1 and localhost.'));
    }
    const target = parseRequestTarget(request.url, port);
    if (!target.ok) return sendJson(response, target.status, target.status === 403 ? refusal(target.message) : invalid(target.message));
    if (target.path === EVENTS_PATH || target.path.startsWith(API_PREFIX)) return handleApi(request, response, target.path, target.query);
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendJson(response, 405, refusal('Only GET serves the app.'));
    return serveStatic(options.rendererDir, target.path, token, response, RENDERER_RESPONSE_HEADERS);
  }

  // No request may stop the server: whatever a handler throws is logged and answered.
  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // failureOutcome logs the detail and answers a short message with a reference.
      if (!response.headersSent) sendJson(response, 500, failureOutcome(error));
      else response.destroy();
    });
  });

  const stopWatching = options.inventory.watchChanges(notifyChange, undefined, options.watchIntervalMs);

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      // Listening on a TCP address, address() is an AddressInfo (a string only for pipes).
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
