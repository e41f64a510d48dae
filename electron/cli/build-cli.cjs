// Bundles the CLI (electron/cli/main.ts and the core it uses) into out/cli/index.cjs.
const path = require('node:path');
const { bundleForNode, EXPORT_WORKER_ENTRY } = require('../tools/bundle-node.cjs');

const root = path.resolve(__dirname, '..', '..');
const outFile = path.join(root, 'out', 'cli', 'index.cjs');
const workerFile = path.join(root, 'out', 'cli', 'export-worker.cjs');

function buildCli() {
  // The export worker thread starts from its own file next to the CLI bundle; build it first so
  // it is there whenever the (freshness-checked) CLI bundle is.
  bundleForNode(EXPORT_WORKER_ENTRY, workerFile);
  return bundleForNode(path.join(root, 'electron', 'cli', 'main.ts'), outFile, { sourcemap: 'inline' });
}

module.exports = { buildCli, outFile, workerFile };
if (require.main === module) console.log(buildCli());
