// A throwaway PostgreSQL cluster for the tests: Debian's binaries (initdb, pg_ctl) run as the
// `postgres` user (the server refuses root), listening on 127.0.0.1 on a free port and on a unix
// socket inside its own temporary folder. A watchdog process stops and removes the cluster when the
// process that started it ends, however it ends (a failed run, Ctrl-C, a kill), so no server is
// ever left running.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The superuser's password: connections over TCP need one (scram-sha-256), as on a team's server. */
const SUPERUSER_PASSWORD = 'cluster-superuser';
const SERVER_USER = 'postgres';

export interface PgClusterInfo {
  host: string;
  port: number;
  /** postgres://postgres:...@127.0.0.1:port (no database: append one). */
  superuserUrl: string;
}

export interface PgCluster extends PgClusterInfo {
  /** The cluster's folder (data, socket, log), removed by stop(). */
  dir: string;
  stop(): void;
}

/** The newest PostgreSQL installed from Debian's packages, or null. */
function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a PostgreSQL binary as the postgres user (root may not run the server). */
function asServerUser(binary: string, args: string[]): void {
  const command = process.getuid?.() === 0 ? ['runuser', '-u', SERVER_USER, '--', binary, ...args] : [binary, ...args];
  execFileSync(command[0], command.slice(1), { stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startCluster(): Promise<PgCluster> {
  const bin = postgresBinDir();
  if (!bin)
    throw new Error('PostgreSQL is not installed (apt-get install --no-install-recommends postgresql): the team-mode tests need it');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-pg-'));
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, SUPERUSER_PASSWORD);
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', SERVER_USER, dir]);
  const port = await freePort();
  const watchdog = startWatchdog(bin, dir, data);
  try {
    asServerUser(path.join(bin, 'initdb'), [
      '-D',
      data,
      '-U',
      SERVER_USER,
      `--pwfile=${pwfile}`,
      '--auth-local=trust',
      '--auth-host=scram-sha-256',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    // Durability is of no use to a cluster removed after the run; speed is.
    const settings = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
    asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
  } catch (error) {
    watchdog.kill();
    stopAndRemove(bin, dir, data);
    throw new Error(`could not start the test PostgreSQL cluster: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`, {
      cause: error,
    });
  }
  const superuserUrl = `postgres://${SERVER_USER}:${SUPERUSER_PASSWORD}@127.0.0.1:${port}`;
  return {
    host: '127.0.0.1',
    port,
    superuserUrl,
    dir,
    stop() {
      watchdog.kill();
      stopAndRemove(bin, dir, data);
    },
  };
}

function stopAndRemove(bin: string, dir: string, data: string): void {
  try {
    if (fs.existsSync(path.join(data, 'postmaster.pid')))
      asServerUser(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A detached shell that waits for this process to end, then stops the server and removes its
 * folder: the cleanup for the ends no teardown runs after (a kill, a crash). Killed by stop().
 */
function startWatchdog(bin: string, dir: string, data: string) {
  const pgCtl = path.join(bin, 'pg_ctl');
  const stop = process.getuid?.() === 0 ? `runuser -u ${SERVER_USER} -- ${pgCtl}` : pgCtl;
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; [ -f '${data}/postmaster.pid' ] && ${stop} -D '${data}' -m immediate -w stop; rm -rf '${dir}'`;
  const child = spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' });
  child.unref();
  return child;
}
