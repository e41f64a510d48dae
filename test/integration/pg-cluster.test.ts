// The throwaway cluster the team-mode tests run on: it answers, each test file gets an empty
// database of its own, and a cluster whose starter dies (killed, no teardown) is stopped and removed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleForNode } from '../../electron/tools/bundle-node.cjs';
import { tempDir } from '../helpers/inventory';
import { freshPgDatabase, superuserQuery } from '../helpers/pg-database';

const accepts = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return check();
}

describe('the test cluster', () => {
  const dir = tempDir();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is PostgreSQL 15 or later, with pg_trgm available', async () => {
    const [{ server_version_num }] = await superuserQuery<{ server_version_num: string }>('postgres', 'SHOW server_version_num');
    expect(Number(server_version_num)).toBeGreaterThanOrEqual(150000);
    const trgm = await superuserQuery('postgres', "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'");
    expect(trgm).toHaveLength(1);
  });

  it('gives each caller an empty database of its own', async () => {
    const a = await freshPgDatabase();
    const b = await freshPgDatabase();
    expect(a.name).not.toBe(b.name);
    await a.query('CREATE TABLE t (x int)');
    expect(await b.query("SELECT 1 FROM pg_tables WHERE tablename = 't'")).toHaveLength(0);
    await a.drop();
    await b.drop();
  });

  it('is stopped and removed when the process that started it is killed', async () => {
    const bundle = bundleForNode(path.join(__dirname, '..', 'helpers', 'pg-cluster.ts'), path.join(dir, 'pg-cluster.cjs'));
    const child = spawn(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(bundle)}).startCluster().then((c) => { console.log(JSON.stringify(c)); setInterval(() => {}, 1000); })`,
      ],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const started = await new Promise<{ port: number; dir: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(JSON.parse(out));
      });
      child.once('exit', (code) => reject(new Error(`the starter exited early (${code})`)));
    });
    expect(await accepts(started.port)).toBe(true);
    expect(fs.existsSync(started.dir)).toBe(true);
    child.kill('SIGKILL');
    expect(await eventually(async () => !(await accepts(started.port)) && !fs.existsSync(started.dir), 20_000)).toBe(true);
  });
});
