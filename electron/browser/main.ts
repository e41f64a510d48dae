// `npm run dev:browser`: opens the inventory (NUMBER_INVENTORY_DB or the desktop app's own file,
// NUMBER_INVENTORY_NOW for a fixed clock), serves the built renderer and the contract on
// 127.0.0.1:PORT (default 5183; 0 picks a free port) and prints the URL.
import os from 'node:os';
import { clockFromEnv } from '../core/clock';
import { insideFolder } from '../core/export/path-policy';
import { uploadsOnly } from '../core/import/source';
import { Inventory } from '../core/inventory';
import { resolveDatabasePath } from '../core/paths';
import { startBrowserServer } from './server';

export const DEFAULT_PORT = 5183;

export function portFromEnv(env: NodeJS.ProcessEnv): number {
  if (env.PORT === undefined || env.PORT === '') return DEFAULT_PORT;
  const port = Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number (0 picks a free one), not "${env.PORT}"`);
  return port;
}

export async function main(options: { rendererDir: string; env?: NodeJS.ProcessEnv }): Promise<void> {
  const env = options.env ?? process.env;
  const databasePath = resolveDatabasePath(undefined, env);
  // The page types export paths: only inside the user's home folder. It uploads the files it imports.
  const inventory = Inventory.open(databasePath, {
    clock: clockFromEnv(env),
    exportPaths: insideFolder(os.homedir()),
    importPaths: uploadsOnly,
  });
  const server = await startBrowserServer({ inventory, rendererDir: options.rendererDir, port: portFromEnv(env) });
  process.stdout.write(`Number Inventory (browser mode): ${server.url}\n`);
  process.stdout.write(`  database: ${databasePath}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => {
      inventory.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
