// Bundling TypeScript entries for plain Node with esbuild: the CLI, browser mode's server and the
// export worker they start. Dependencies stay in node_modules (better-sqlite3 is native). Each
// bundle records the files it was built from (build-inputs.cjs), so callers can tell when it is stale.
const fs = require('node:fs');
const path = require('node:path');
const { isCurrent, recordInputs, root } = require('./build-inputs.cjs');

const EXPORT_WORKER_ENTRY = path.join(root, 'electron', 'core', 'export', 'worker-entry.ts');

/**
 * Bundles `entry` into `outfile`, writing beside it and renaming into place, so processes starting
 * together never load a half-written bundle.
 */
function bundleForNode(entry, outfile, options = {}) {
  const esbuild = require('esbuild');
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const tmp = `${outfile}.${process.pid}.tmp`;
  const result = esbuild.buildSync({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
    ...options,
    absWorkingDir: root,
    metafile: true,
    entryPoints: [entry],
    outfile: tmp,
  });
  recordInputs(outfile, Object.keys(result.metafile.inputs));
  fs.renameSync(tmp, outfile);
  return outfile;
}

/** Bundles `entry` into `outfile` unless the bundle there is current. */
function ensureBundle(entry, outfile, options = {}) {
  return isCurrent(outfile) ? outfile : bundleForNode(entry, outfile, options);
}

module.exports = { bundleForNode, ensureBundle, isCurrent, EXPORT_WORKER_ENTRY };
