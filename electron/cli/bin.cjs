#!/usr/bin/env node
// Entry of the `number-inventory` command. Runs the bundled CLI, rebuilding the bundle with esbuild
// first when any source is newer, so `npm run cli` works right after `npm install` with no build
// step and starts fast on every later call.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const bundle = path.join(root, 'out', 'cli', 'index.cjs');
const sourceDirs = ['electron/cli', 'electron/core', 'shared'].map((dir) => path.join(root, dir));

function newestSourceTime() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(full).mtimeMs);
    }
  };
  for (const dir of sourceDirs) if (fs.existsSync(dir)) walk(dir);
  return newest;
}

function bundleIsCurrent() {
  if (!fs.existsSync(bundle)) return false;
  // A packaged install ships the bundle without sources: use it as it is.
  if (!fs.existsSync(sourceDirs[0])) return true;
  return fs.statSync(bundle).mtimeMs >= newestSourceTime();
}

if (!bundleIsCurrent()) {
  const { buildCli } = require('./build-cli.cjs');
  buildCli();
}
require(bundle).main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error && error.stack ? error.stack : String(error));
    process.exitCode = 1;
  },
);
