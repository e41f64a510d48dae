// Bundles the CLI (electron/cli/main.ts and the core it uses) into out/cli/index.cjs, with the
// export worker it starts beside it.
const path = require('node:path');
const { bundleForNode, isCurrent, EXPORT_WORKER_ENTRY } = require('../tools/bundle-node.cjs');

const root = path.resolve(__dirname, '..', '..');
const outFile = path.join(root, 'out', 'cli', 'index.cjs');
const workerFile = path.join(root, 'out', 'cli', 'export-worker.cjs');
const entry = path.join(root, 'electron', 'cli', 'main.ts');

function buildCli() {
  // The worker first, so it is there whenever the (freshness-checked) CLI bundle is.
  bundleForNode(EXPORT_WORKER_ENTRY, workerFile);
  return bundleForNode(entry, outFile, { sourcemap: 'inline' });
}

/** True when both bundles were built from the sources as they are now (see build-inputs.cjs). */
const cliIsCurrent = () => isCurrent(workerFile) && isCurrent(outFile);

module.exports = { buildCli, cliIsCurrent, outFile };
if (require.main === module) console.log(buildCli());
