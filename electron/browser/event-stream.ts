// Server-Sent Events: every open page gets each ChangeEvent as a `message` event (the renderer's
// EventSource.onmessage), plus a comment now and then so idle connections stay open.
import type { ServerResponse } from 'node:http';
import type { ChangeEvent } from '../../shared/contract';

const KEEP_ALIVE_MS = 15_000;

export class EventStream {
  private readonly clients = new Set<ServerResponse>();
  private readonly keepAlive: NodeJS.Timeout;

  constructor() {
    this.keepAlive = setInterval(() => this.clients.forEach((client) => client.write(': keep-alive\n\n')), KEEP_ALIVE_MS);
    this.keepAlive.unref();
  }

  get size(): number {
    return this.clients.size;
  }

  add(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-content-type-options': 'nosniff',
    });
    // Opens the stream at once, so the page knows it is connected.
    response.write('retry: 2000\n: connected\n\n');
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
  }

  send(event: ChangeEvent): void {
    const frame = `data: ${JSON.stringify(event)}\n\n`;
    this.clients.forEach((client) => client.write(frame));
  }

  close(): void {
    clearInterval(this.keepAlive);
    this.clients.forEach((client) => client.end());
    this.clients.clear();
  }
}
