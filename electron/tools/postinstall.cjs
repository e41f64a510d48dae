#!/usr/bin/env node
// Runs after `npm install`. It prepares the Electron-ABI copy of better-sqlite3 so the desktop app
// and the Node-side tools (tests, CLI) can each load their own build with no rebuild in between.
// It never fails the install: where the Electron build cannot be made (offline, no headers) it
// warns and says how to retry, and the Node build stays untouched.
const { buildElectronSqlite } = require('./electron-sqlite.cjs');

try {
  const result = buildElectronSqlite({ quiet: true });
  if (result.ok) console.log(`number-inventory: ${result.message}`);
  else {
    console.warn(`number-inventory: warning: ${result.message}`);
    console.warn('number-inventory: the CLI and tests work; to retry the desktop build later run: npm run rebuild:electron');
  }
} catch (error) {
  console.warn(`number-inventory: warning: could not prepare the Electron build of better-sqlite3: ${error.message}`);
  console.warn('number-inventory: to retry later run: npm run rebuild:electron');
}
