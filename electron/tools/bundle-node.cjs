// Bundling TypeScript entries for plain Node with esbuild: the CLI, browser mode's server and the
// export worker they start. Dependencies stay in node_modules (better-sqlite3 is native).
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const EXPORT_WORKER_ENTRY = path.join(root, 'electron', 'core', 'export', 'worker-entry.ts');

/**
 * Bundles `entry` into `outfile`, writing beside it and renaming into place, so processes starting
 * together never load a half-written bundle.
 */
function bundleForNode(entry, outfile, options = {}) {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  esbuild.buildSync({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    ...options,
    entryPoints: [entry],
    outfile: tmp,
  });
  fs.renameSync(tmp, outfile);
  return outfile;
}

module.exports = { bundleForNode, EXPORT_WORKER_ENTRY };
