#!/usr/bin/env node
// `npm run dev:browser`: builds what is out of date (see build-browser.cjs), then runs the
// browser-mode server on plain Node with the Node-ABI better-sqlite3.
// NUMBER_INVENTORY_RENDERER_DIR serves another renderer folder (tests) and skips the renderer build.
const { ensureBuilt, serverBundle, rendererDir } = require('./build-browser.cjs');

const customRenderer = process.env.NUMBER_INVENTORY_RENDERER_DIR;
try {
  ensureBuilt({ renderer: !customRenderer });
  require(serverBundle)
    .main({ rendererDir: customRenderer || rendererDir })
    .catch((error) => {
      console.error(`browser mode: ${error && error.message ? error.message : String(error)}`);
      process.exit(1);
    });
} catch (error) {
  console.error(error && error.message ? error.message : String(error));
  process.exit(1);
}
