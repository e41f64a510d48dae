// Bundles the CLI (electron/cli/main.ts and the core it uses) into out/cli/index.cjs.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const outFile = path.join(root, 'out', 'cli', 'index.cjs');
const workerFile = path.join(root, 'out', 'cli', 'export-worker.cjs');

function buildCli() {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  // Build beside the target and rename: several CLI processes may start at once.
  const tmp = `${outFile}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(root, 'electron', 'cli', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  // The export worker thread starts from its own file, next to the CLI bundle.
  const workerTmp = `${workerFile}.${process.pid}.tmp`;
  esbuild.buildSync({
    entryPoints: [path.join(root, 'electron', 'core', 'export', 'worker-entry.ts')],
    outfile: workerTmp,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
  fs.renameSync(workerTmp, workerFile);
  fs.renameSync(tmp, outFile);
  return outFile;
}

module.exports = { buildCli, outFile, workerFile };
if (require.main === module) console.log(buildCli());
