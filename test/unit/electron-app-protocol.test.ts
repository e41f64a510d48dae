// The app:// scheme the desktop app serves its page from: registered as privileged (standard,
// secure, never bypassing the CSP), serving the renderer folder with the CSP as a response header,
// and nothing outside that folder, however the path is written.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAppScheme, rendererProtocolHandler } from '../../electron/main/app-protocol';
import { RENDERER_CSP_HEADER } from '../../shared/content-security-policy';
import { tempDir } from '../helpers/inventory';

let dir: string;
let rendererDir: string;
let socketServer: net.Server;
let serve: (request: Request) => Promise<Response>;

beforeAll(async () => {
  dir = tempDir('ni-protocol-');
  rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Number Inventory</title>app page');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("app")');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret');
  // A socket in the folder is not a file to serve (reading it fails).
  socketServer = net.createServer().listen(path.join(rendererDir, 'assets', 'socket.js'));
  await new Promise((resolve) => socketServer.once('listening', resolve));
  serve = rendererProtocolHandler(rendererDir);
});

afterAll(async () => {
  await new Promise((resolve) => socketServer.close(resolve));
  fs.rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('app:// protocol', () => {
  it('is registered as a standard, secure scheme that does not bypass the CSP', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });

  it('serves the page with the CSP and the other page headers', async () => {
    for (const url of [
      'app://number-inventory/index.html',
      'app://number-inventory/',
      'app://number-inventory/index.html#/notifications',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text(), url).toContain('app page');
      expect(response.headers.get('content-type'), url).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-security-policy'), url).toBe(RENDERER_CSP_HEADER);
      expect(response.headers.get('content-security-policy'), url).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy'), url).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(response.headers.get('x-frame-options'), url).toBe('DENY');
    }
  });

  it('serves assets with their content type and the CSP', async () => {
    const script = await get('app://number-inventory/assets/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBe(RENDERER_CSP_HEADER);
    expect(await script.text()).toBe('console.log("app")');
    expect((await get('app://number-inventory/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
    const head = await get('app://number-inventory/assets/app.js', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('refuses every path outside the renderer folder, however it is written', async () => {
    for (const probe of [
      '../secret.txt',
      '%2e%2e/secret.txt',
      '.%2e/secret.txt',
      '..%2fsecret.txt',
      'assets/..%2f..%2fsecret.txt',
      '..%5csecret.txt',
      'assets%5c..%5c..%5csecret.txt',
      `${encodeURIComponent(path.join(dir, 'secret.txt'))}`,
      'C:%5csecret.txt',
      'assets/%00app.js',
    ]) {
      const response = await get(`app://number-inventory/${probe}`);
      expect(response.status, probe).toBe(404);
      expect(await response.text(), probe).not.toContain('secret');
    }
  });

  it('answers what is not a file of the page with 404, a bad escape with 400, and anything but GET with 405', async () => {
    expect((await get('app://number-inventory/missing.js')).status).toBe(404);
    expect((await get('app://number-inventory/assets')).status).toBe(404);
    expect((await get('app://number-inventory/assets/socket.js')).status).toBe(404);
    expect((await get('app://other-host/index.html')).status).toBe(404);
    expect((await get('app://number-inventory/assets/%zz.js')).status).toBe(400);
    expect((await get('app://number-inventory/index.html', 'POST')).status).toBe(405);
  });
});
