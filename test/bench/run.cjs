#!/usr/bin/env node
// `npm run bench [-- --n 100000 --runs 25 --keep --dir DIR]`: bundles the benchmark and the export
// worker with esbuild into out/bench/, then runs it.
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { bundleForNode, EXPORT_WORKER_ENTRY } = require('../../electron/tools/bundle-node.cjs');

const root = path.resolve(__dirname, '..', '..');
const outDir = path.join(root, 'out', 'bench');
bundleForNode(path.join(__dirname, 'main.ts'), path.join(outDir, 'bench.cjs'));
bundleForNode(EXPORT_WORKER_ENTRY, path.join(outDir, 'export-worker.cjs'));
const result = spawnSync(process.execPath, ['--max-old-space-size=4096', path.join(outDir, 'bench.cjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(result.status ?? 1);
