#!/usr/bin/env node
// Entry of the `number-inventory` command. Runs the bundled CLI, rebuilding the bundle with esbuild
// first when a file it was built from changed, so `npm run cli` works right after `npm install`
// with no build step and starts fast on every later call.
const { buildCli, cliIsCurrent, outFile } = require('./build-cli.cjs');

if (!cliIsCurrent()) buildCli();
require(outFile)
  .main(process.argv.slice(2))
  .then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      console.error(error && error.stack ? error.stack : String(error));
      process.exitCode = 1;
    },
  );
