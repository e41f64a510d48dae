// `npm test`: the lint (Prettier, ESLint with the layer rules, knip), type checks, then every test
// runner (Vitest for unit and integration, Playwright for the browser-mode UI), then one closing line
// "N passed, N failed" summed over the runners.
// Exits non-zero if anything failed or no test ran.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ni-reports-'));
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

if (!run('lint', process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'lint'])) broken = true;

for (const project of ['tsconfig.json', 'tsconfig.web.json', 'tsconfig.e2e.json']) {
  if (!run(`typecheck ${project}`, bin('tsc'), ['--noEmit', '-p', project])) broken = true;
}

const vitestReport = path.join(reportDir, 'vitest.json');
const vitestOk = run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`]);
if (fs.existsSync(vitestReport)) {
  const report = JSON.parse(fs.readFileSync(vitestReport, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + (report.numTodoTests ?? 0);
  if (!vitestOk && report.numFailedTests === 0) broken = true;
} else broken = true;

if (fs.existsSync(path.join(root, 'playwright.config.mts'))) {
  const playwrightReport = path.join(reportDir, 'playwright.json');
  const ok = run('playwright', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
  if (fs.existsSync(playwrightReport)) {
    const { stats } = JSON.parse(fs.readFileSync(playwrightReport, 'utf8'));
    passed += stats.expected + stats.flaky;
    failed += stats.unexpected;
    skipped += stats.skipped;
    if (!ok && stats.unexpected === 0) broken = true;
  } else broken = true;
}

fs.rmSync(reportDir, { recursive: true, force: true });
if (broken) console.log('\nA check failed outside the counted tests (lint, type check, or a runner that did not finish).');
if (passed + failed === 0) console.log('\nNo test ran.');
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 || broken || passed === 0 ? 1 : 0);
