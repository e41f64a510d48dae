// Starts and stops browser mode (`npm run dev:browser`): the real renderer and core over loopback
// HTTP, on the database and clock the test gives it, on a port the OS picks.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const URL_LINE = /Number Inventory \(browser mode\): (http:\/\/127\.0\.0\.1:\d+\/)/;
const START_TIMEOUT_MS = 60_000;

export interface BrowserMode {
  url: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/** `home`: the server's home folder (HOME), the only place its exports may be written. */
export async function startBrowserMode(options: { databasePath: string; now: string; cwd: string; home: string }): Promise<BrowserMode> {
  const [command, ...args] = devBrowserCommand(options.cwd);
  // Its own process group, so stopping it also stops whatever it started.
  const child: ChildProcess = spawn(command, args, {
    cwd: options.cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      HOME: options.home,
      NUMBER_INVENTORY_DB: options.databasePath,
      NUMBER_INVENTORY_NOW: options.now,
      PORT: '0',
      BROWSER: 'none',
    },
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`browser mode printed no URL within ${START_TIMEOUT_MS} ms:\n${output}`)),
      START_TIMEOUT_MS,
    );
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`browser mode exited (${code}) before printing its URL:\n${output}`));
    });
  });

  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.pid === undefined) return;
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return; // already gone
      }
      const killer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * The package's `dev:browser` script. A plain `node FILE` script runs directly on this Node (an npm
 * process per test costs seconds on a loaded 2-core machine); anything else goes through npm.
 */
function devBrowserCommand(cwd: string): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(cwd, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const script = pkg.scripts?.['dev:browser'] ?? '';
  const plain = /^node ([\w./-]+)$/.exec(script.trim());
  return plain ? [process.execPath, plain[1]] : ['npm', 'run', '--silent', 'dev:browser'];
}
