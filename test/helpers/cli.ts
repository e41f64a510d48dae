// Runs the real `number-inventory` command (node electron/cli/bin.cjs) in a child process, on a
// given database file and a fixed clock.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const CLI_BIN = path.join(root, 'electron', 'cli', 'bin.cjs');

/** Builds the CLI bundle once, so test processes started together never race to rebuild it. */
export function buildCliOnce(): void {
  const load = createRequire(path.join(root, 'package.json'));
  (load('./electron/cli/build-cli.cjs') as { buildCli: () => string }).buildCli();
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout read as the one JSON document --json prints. */
  json<T = unknown>(): T;
  /** When the process was running (ms since the epoch): from its start to its exit. */
  startedAt: number;
  endedAt: number;
}

/** Whether the runs were all running at one same moment (a race really was a race). */
export function overlapped(...runs: CliRun[]): boolean {
  return Math.max(...runs.map((r) => r.startedAt)) < Math.min(...runs.map((r) => r.endedAt));
}

export interface CliOptions {
  /** NUMBER_INVENTORY_DB; omitted means unset. */
  db?: string;
  /** NUMBER_INVENTORY_NOW; omitted means unset. */
  now?: string;
  cwd?: string;
  /** More environment (an empty string sets a variable to empty). */
  env?: NodeJS.ProcessEnv;
  /**
   * Run without root's power to write any file (the tests run as root here, for whom no file is
   * read-only): the CLI then meets file permissions as an ops user does. Root keeps its identity,
   * so it can still read the project wherever it is checked out, but loses the capabilities that
   * override permissions (setpriv, from util-linux).
   */
  obeyFilePermissions?: boolean;
}

const WITHOUT_PERMISSION_OVERRIDE = ['setpriv', '--inh-caps=-all', '--bounding-set=-dac_override,-dac_read_search', '--'];

export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NUMBER_INVENTORY_DB;
  delete env.NUMBER_INVENTORY_NOW;
  if (options.db !== undefined) env.NUMBER_INVENTORY_DB = options.db;
  if (options.now !== undefined) env.NUMBER_INVENTORY_NOW = options.now;
  Object.assign(env, options.env);
  return new Promise((resolve, reject) => {
    const command = [process.execPath, CLI_BIN, ...args];
    const [file, ...rest] =
      options.obeyFilePermissions && process.getuid?.() === 0 ? [...WITHOUT_PERMISSION_OVERRIDE, ...command] : command;
    const child = spawn(file, rest, { env, cwd: options.cwd ?? root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let startedAt = Date.now();
    child.on('spawn', () => (startedAt = Date.now()));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({
        code,
        stdout,
        stderr,
        startedAt,
        endedAt: Date.now(),
        json<T>(): T {
          try {
            return JSON.parse(stdout) as T;
          } catch {
            throw new Error(`stdout is not one JSON document (exit ${code}):\n${stdout}\nstderr:\n${stderr}`);
          }
        },
      }),
    );
  });
}
