// Builds what browser mode runs: the server bundle (esbuild, like the CLI: out/browser/server.cjs)
// and the renderer (vite, vite.browser.config.mts: out/browser/renderer). Each is rebuilt only when
// a file it was built from changed (electron/tools/build-inputs.cjs), and built beside its target then renamed into place, under a lock, so
// several servers starting at once (parallel UI tests) never see a half-written build.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { bundleForNode, isCurrent, EXPORT_WORKER_ENTRY } = require('../tools/bundle-node.cjs');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'out', 'browser');
const serverBundle = path.join(outDir, 'server.cjs');
const workerBundle = path.join(outDir, 'export-worker.cjs');
const rendererDir = path.join(outDir, 'renderer');
const lockDir = path.join(outDir, '.build-lock');

const serverIsCurrent = () => isCurrent(serverBundle) && isCurrent(workerBundle);
const rendererIsCurrent = () => isCurrent(path.join(rendererDir, 'index.html'));

function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn while holding the build lock (a directory: mkdir is atomic); stale locks are broken. */
function withLock(fn) {
  fs.mkdirSync(outDir, { recursive: true });
  const deadline = Date.now() + 5 * 60 * 1000;
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - fs.statSync(lockDir).mtimeMs > 3 * 60 * 1000) fs.rmSync(lockDir, { recursive: true, force: true });
      } catch {
        // Released meanwhile.
      }
      if (Date.now() > deadline) throw new Error(`browser mode: timed out waiting for another build (${lockDir})`, { cause: error });
      sleep(200);
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

function buildServer() {
  // The export worker thread starts from its own file beside the server bundle (issue 4).
  bundleForNode(EXPORT_WORKER_ENTRY, workerBundle);
  bundleForNode(path.join(root, 'electron', 'browser', 'main.ts'), serverBundle, { sourcemap: 'inline' });
}

function buildRenderer() {
  const tmp = path.join(outDir, `renderer.${process.pid}.tmp`);
  fs.rmSync(tmp, { recursive: true, force: true });
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', path.join(root, 'vite.browser.config.mts'), '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'],
    {
      cwd: root,
      // stdout stays clean: whoever started browser mode reads its URL line from there.
      stdio: ['ignore', process.stderr, process.stderr],
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
    },
  );
  if (result.status !== 0) {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw new Error(`browser mode: the renderer build failed (exit ${result.status})`);
  }
  fs.rmSync(rendererDir, { recursive: true, force: true });
  fs.renameSync(tmp, rendererDir);
}

/** Builds whatever is out of date; with force, both. */
function ensureBuilt({ renderer = true, force = false } = {}) {
  if (!force && serverIsCurrent() && (!renderer || rendererIsCurrent())) return;
  withLock(() => {
    // Another process may have built while we waited.
    if (force || !serverIsCurrent()) buildServer();
    if (renderer && (force || !rendererIsCurrent())) buildRenderer();
  });
}

module.exports = { ensureBuilt, serverBundle, rendererDir };

if (require.main === module) {
  ensureBuilt({ force: process.argv.includes('--force') });
  console.log(`${serverBundle}\n${rendererDir}`);
}
