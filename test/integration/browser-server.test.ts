// Browser mode: the real `dev:browser` command on PORT=0, and the server in-process for the edge
// cases. Loopback only, per-run token, Host check against DNS rebinding, the same contract and
// validation as IPC, Server-Sent change events (including commits by another process).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startBrowserServer, type BrowserServer } from '../../electron/browser/server';
import { TOKEN_HEADER } from '../../shared/browser-protocol';
import { Inventory } from '../../electron/core/inventory';
import type { ChangeEvent } from '../../shared/contract';
import { addSgNumbers, freshInventory, tempDir, type TestInventory } from '../helpers/inventory';

const root = path.resolve(__dirname, '..', '..');
const NOW = '2026-03-02T09:00:00.000Z';
const INDEX = '<!doctype html><html><head><meta charset="UTF-8" /><title>t</title></head><body>app</body></html>';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const post = (base: string, channel: string, token: string | null, payload: unknown) =>
  request(`${base}api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token === null ? {} : { [TOKEN_HEADER]: token }) },
    body: JSON.stringify(payload),
  });

/** Opens the event stream and collects ChangeEvents until closed. */
function subscribe(base: string, token: string): Promise<{ events: ChangeEvent[]; close(): void; status: number }> {
  return new Promise((resolve, reject) => {
    const events: ChangeEvent[] = [];
    const req = http.get(`${base}api/events?token=${encodeURIComponent(token)}`, (res) => {
      let buffer = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (data) events.push(JSON.parse(data.slice(6)) as ChangeEvent);
        }
      });
      res.on('error', () => {});
      resolve({ events, status: res.statusCode ?? 0, close: () => req.destroy() });
    });
    req.on('error', reject);
  });
}

interface RawAnswer {
  status: number;
  head: string;
  body: string;
}

/**
 * Sends a request exactly as written (no client-side URL parsing, so malformed request lines reach
 * the server), optionally followed by `bodyBytes` bytes of body, and reads one response. Rejects if
 * the connection fails before a whole response arrived (a reset instead of an answer).
 */
function rawRequest(port: number, head: string, bodyBytes = 0, chunked = false): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    let received = Buffer.alloc(0);
    let settled = false;
    const answer = (): RawAnswer | null => {
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return null;
      const headText = received.subarray(0, end).toString('latin1');
      const status = Number(headText.split(' ')[1]);
      let rest = received.subarray(end + 4);
      if (/\r\ntransfer-encoding:\s*chunked/i.test(headText)) {
        const pieces: Buffer[] = [];
        for (;;) {
          const line = rest.indexOf('\r\n');
          if (line < 0) return null;
          const size = parseInt(rest.subarray(0, line).toString('latin1'), 16);
          if (rest.length < line + 2 + size + 2) return null;
          if (size === 0) return { status, head: headText, body: Buffer.concat(pieces).toString('utf8') };
          pieces.push(rest.subarray(line + 2, line + 2 + size));
          rest = rest.subarray(line + 2 + size + 2);
        }
      }
      const length = /\r\ncontent-length:\s*(\d+)/i.exec(headText);
      if (length && rest.length < Number(length[1])) return null;
      return { status, head: headText, body: rest.toString('utf8') };
    };
    const finish = (error?: Error) => {
      if (settled) return;
      const whole = answer();
      if (!whole && error) {
        settled = true;
        socket.destroy();
        reject(error);
        return;
      }
      if (!whole) return;
      settled = true;
      socket.destroy();
      resolve(whole);
    };
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      finish();
    });
    socket.on('error', (error) => finish(error));
    socket.on('close', () =>
      finish(new Error(`connection closed without a whole response: ${JSON.stringify(received.toString('latin1'))}`)),
    );
    socket.on('connect', () => {
      socket.write(head);
      if (bodyBytes === 0) return;
      // Like a client that reads the answer only once it has sent the whole body: an answer the
      // server sends early must still be there, not lost to a reset.
      socket.pause();
      const piece = Buffer.alloc(1024 * 1024, 0x20);
      for (let sent = 0; sent < bodyBytes && !socket.destroyed; sent += piece.length) {
        const part = piece.subarray(0, Math.min(piece.length, bodyBytes - sent));
        socket.write(chunked ? Buffer.concat([Buffer.from(`${part.length.toString(16)}\r\n`), part, Buffer.from('\r\n')]) : part);
      }
      socket.write(chunked ? '0\r\n\r\n' : '', () => socket.resume());
    });
  });
}

async function until(condition: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms;
  while (!condition() && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 25));
  return condition();
}

const tokenOf = (html: string) => /<meta name="number-inventory-token" content="([^"]+)"/.exec(html)?.[1] ?? '';

describe('npm run dev:browser (the real command)', () => {
  let dir: string;
  let child: ChildProcess;
  let base = '';
  let output = '';
  let token = '';
  let rendererDir = '';

  beforeAll(async () => {
    dir = tempDir('ni-browser-');
    rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
    child = spawn(process.execPath, [path.join(root, 'electron', 'browser', 'bin.cjs')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: '0',
        NUMBER_INVENTORY_DB: path.join(dir, 'inventory.db'),
        NUMBER_INVENTORY_NOW: NOW,
        NUMBER_INVENTORY_RENDERER_DIR: rendererDir,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const started = await until(() => /Number Inventory \(browser mode\): http:\/\/127\.0\.0\.1:\d+\//.test(output), 60_000);
    if (!started) throw new Error(`browser mode did not print its URL:\n${output}`);
    base = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)![1];
    token = tokenOf((await request(base)).body);
  }, 90_000);

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints its loopback URL and serves the page with a per-run token and the CSP', async () => {
    expect(output).toMatch(/^Number Inventory \(browser mode\): http:\/\/127\.0\.0\.1:\d+\/$/m);
    const page = await request(base);
    expect(page.status).toBe(200);
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(page.body).toContain('app');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['cache-control']).toBe('no-store');
  });

  it('refuses calls without the token, or with a wrong one (403)', async () => {
    const none = await post(base, 'numbers:counts', null, {});
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await post(base, 'numbers:counts', 'x'.repeat(token.length), {})).status).toBe(403);
    expect((await post(base, 'numbers:counts', '', {})).status).toBe(403);
    expect((await request(`${base}api/events`)).status).toBe(403);
  });

  it('refuses a foreign Host header (DNS rebinding), even with the token', async () => {
    const port = new URL(base).port;
    for (const host of ['evil.example', `evil.example:${port}`, `127.0.0.1:${Number(port) + 1}`, `localhost.evil.example:${port}`]) {
      const answer = await request(base, { headers: { host } });
      expect(answer.status, host).toBe(403);
      const api = await request(`${base}api/numbers:counts`, {
        method: 'POST',
        headers: { host, 'content-type': 'application/json', [TOKEN_HEADER]: token },
        body: '{}',
      });
      expect(api.status, host).toBe(403);
    }
    expect((await request(base, { headers: { host: `localhost:${port}` } })).status).toBe(200);
  });

  it('listens on loopback only', async () => {
    const external = Object.values(os.networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!external) {
      expect(new URL(base).hostname).toBe('127.0.0.1');
      return;
    }
    const port = new URL(base).port;
    await expect(request(`http://${external.address}:${port}/`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('answers calls with the Outcome of the same contract, on the clock NUMBER_INVENTORY_NOW fixes', async () => {
    const added = await post(base, 'numbers:add', token, { numbers: '+6561230000', vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
    expect(added.status).toBe(200);
    expect(JSON.parse(added.body)).toEqual({ ok: true, value: [expect.objectContaining({ status: 'added', number: '+6561230000' })] });
    const shown = JSON.parse((await post(base, 'numbers:show', token, { number: '+6561230000' })).body) as {
      ok: true;
      value: { history: { at: string }[] };
    };
    expect(shown.value.history[0].at).toBe(NOW);
    const refused = JSON.parse((await post(base, 'numbers:reserve', token, { number: '+6561230000' })).body);
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it("tells the page the core's time for each call (Server-Timing), which the UI benchmark reads", async () => {
    const answer = await post(base, 'numbers:search', token, { filter: { states: ['available'] } });
    expect(answer.status).toBe(200);
    expect(answer.headers['server-timing']).toMatch(/^core;dur=\d+\.\d{2}$/);
  });

  it('survives malformed request lines, from anyone, and answers them 400', async () => {
    const port = Number(new URL(base).port);
    const host = `127.0.0.1:${port}`;
    for (const target of ['http://[', 'http://%zz/', 'http://[::1', '*']) {
      const answer = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
      expect(answer.status, target).toBe(400);
      expect(child.exitCode, target).toBeNull();
    }
    // An absolute URL naming another host is the same DNS-rebinding attempt as a foreign Host header.
    const foreign = await rawRequest(port, `GET http://evil.example/ HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(foreign.status).toBe(403);
    expect((await request(base)).status).toBe(200);
  });

  it('answers a bad percent-escape with 400 naming it, in the page path and in an API channel', async () => {
    const port = Number(new URL(base).port);
    const host = `127.0.0.1:${port}`;
    const page = await rawRequest(port, `GET /assets/%zz.js HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);
    expect(page.status).toBe(400);
    expect(page.body).toContain('%');
    const api = await request(`${base}api/numbers%zz`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [TOKEN_HEADER]: token },
      body: '{}',
    });
    expect(api.status).toBe(400);
    expect(JSON.parse(api.body)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: expect.stringContaining('address') },
    });
    expect(child.exitCode).toBeNull();
    expect((await request(base)).status).toBe(200);
  });

  it('answers a body over the limit with 413 the client sees, declared or chunked, and keeps serving', async () => {
    const port = Number(new URL(base).port);
    const headers = `Host: 127.0.0.1:${port}\r\ncontent-type: application/json\r\n${TOKEN_HEADER}: ${token}\r\n`;
    const over = MAX_BODY_BYTES + 4 * 1024 * 1024;
    for (const connection of ['keep-alive', 'close']) {
      const declared = await rawRequest(
        port,
        `POST /api/orgs:import HTTP/1.1\r\n${headers}Connection: ${connection}\r\nContent-Length: ${over}\r\n\r\n`,
        over,
      );
      expect(declared.status, connection).toBe(413);
      expect(JSON.parse(declared.body), connection).toMatchObject({ ok: false, error: { code: 'LIMIT_EXCEEDED' } });
      const chunked = await rawRequest(
        port,
        `POST /api/orgs:import HTTP/1.1\r\n${headers}Connection: ${connection}\r\nTransfer-Encoding: chunked\r\n\r\n`,
        over,
        true,
      );
      expect(chunked.status, connection).toBe(413);
    }
    expect(child.exitCode).toBeNull();
    expect(JSON.parse((await post(base, 'numbers:counts', token, {})).body)).toMatchObject({ ok: true });
  }, 60_000);

  it('survives a renderer folder without its page and a file it cannot read', async () => {
    const index = path.join(rendererDir, 'index.html');
    const aside = path.join(dir, 'index.html.aside');
    fs.renameSync(index, aside);
    try {
      for (const route of ['/', '/organizations']) {
        const answer = await request(`${base}${route.slice(1)}`);
        expect(answer.status, route).toBe(404);
        expect(child.exitCode, route).toBeNull();
      }
    } finally {
      fs.renameSync(aside, index);
    }
    // A socket file cannot be opened for reading (ENXIO): the stream's error must not escape.
    const socketFile = path.join(rendererDir, 'socket.js');
    const listener = net.createServer().listen(socketFile);
    await new Promise((resolve) => listener.once('listening', resolve));
    try {
      const answer = await request(`${base}socket.js`);
      expect(answer.status).toBeGreaterThanOrEqual(400);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
    expect(child.exitCode).toBeNull();
    expect((await request(base)).status).toBe(200);
  });

  it('streams a change event after a change, and after a commit by another process', async () => {
    const stream = await subscribe(base, token);
    try {
      expect(stream.status).toBe(200);
      await post(base, 'numbers:add', token, { numbers: '+6561230001', vendor: 'Singtel', country: 'SG', sku: 'SG-DID' });
      expect(await until(() => stream.events.length > 0)).toBe(true);
      expect(stream.events[0]).toEqual({ scope: 'numbers', numbers: ['+6561230001'], states: ['available'] });

      const cli = Inventory.open(path.join(dir, 'inventory.db'), { actor: 'cli' });
      try {
        await cli.act('lock', { number: '+6561230001', remark: 'from the CLI' });
      } finally {
        cli.close();
      }
      expect(await until(() => stream.events.length > 1, 8000)).toBe(true);
      expect(stream.events[1]).toEqual({ scope: 'numbers' });
    } finally {
      stream.close();
    }
  });
});

describe('browser-mode server edge cases', () => {
  let t: TestInventory;
  let server: BrowserServer;
  let rendererDir: string;

  beforeAll(async () => {
    t = freshInventory();
    await addSgNumbers(t.inventory, 1);
    rendererDir = tempDir('ni-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), INDEX);
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(path.dirname(rendererDir), 'secret.txt'), 'secret');
    server = await startBrowserServer({ inventory: t.inventory, rendererDir, port: 0 });
  });

  afterAll(async () => {
    await server.close();
    t.close();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  });

  it('serves assets with their type, app routes as the page, and nothing outside the renderer folder', async () => {
    const asset = await request(`${server.url}assets/app.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toContain('text/javascript');
    expect(tokenOf((await request(`${server.url}organizations`)).body)).toBe(server.token);
    for (const probe of ['../secret.txt', '%2e%2e/secret.txt', '..%2fsecret.txt', 'assets/../../secret.txt', 'missing.js']) {
      const answer = await request(`${server.url}${probe}`);
      expect(answer.body, probe).not.toContain('secret');
      expect([404, 200], probe).toContain(answer.status);
    }
    expect((await request(`${server.url}missing.js`)).status).toBe(404);
  });

  it('answers bad requests with typed errors and never changes the database', async () => {
    const before = JSON.stringify(await t.inventory.search({}));
    const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: server.token };
    const badJson = await request(`${server.url}api/numbers:lock`, { method: 'POST', headers, body: '{"number":' });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const notJson = await request(`${server.url}api/numbers:lock`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(notJson.status).toBe(415);
    const unknown = JSON.parse((await post(server.url, 'numbers:drop-table', server.token, {})).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect((await request(`${server.url}api/numbers:counts`, { headers })).status).toBe(405);
    const hostile = JSON.parse((await post(server.url, 'numbers:lock', server.token, { number: { $gt: '' }, remark: ['x'] })).body);
    expect(hostile).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(await t.inventory.search({}))).toBe(before);
  });

  it('sends security headers with the page', async () => {
    const page = await request(server.url);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
  });
});
