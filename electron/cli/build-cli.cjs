// Bundles the CLI (electron/cli/main.ts and the core it uses) into out/cli/index.cjs.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const outFile = path.join(root, 'out', 'cli', 'index.cjs');

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
  fs.renameSync(tmp, outFile);
  return outFile;
}

module.exports = { buildCli, outFile };
if (require.main === module) console.log(buildCli());
