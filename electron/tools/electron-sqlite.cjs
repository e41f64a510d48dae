// Builds better-sqlite3 against Electron's ABI into a separate folder, leaving the Node-ABI build
// in node_modules/better-sqlite3 as it is. The main process loads this copy through
// better-sqlite3's `nativeBinding` option (see electron/main/native-binding.ts).
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..', '..');
const outputDir = path.join(root, 'node_modules', '.electron-native');
const outputFile = path.join(outputDir, 'better_sqlite3.node');
const stampFile = path.join(outputDir, 'electron-version.txt');

function installedVersion(pkg) {
  try {
    return require(path.join(root, 'node_modules', pkg, 'package.json')).version;
  } catch {
    return null;
  }
}

function nodeGypCommand() {
  if (process.env.npm_config_node_gyp && fs.existsSync(process.env.npm_config_node_gyp)) {
    return [process.execPath, [process.env.npm_config_node_gyp]];
  }
  try {
    return [process.execPath, [require.resolve('node-gyp/bin/node-gyp.js')]];
  } catch {
    const npmDir = path.join(path.dirname(process.execPath), '..', 'lib', 'node_modules', 'npm');
    return [process.execPath, [path.join(npmDir, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')]];
  }
}

function buildElectronSqlite({ quiet = false, force = false } = {}) {
  const electronVersion = installedVersion('electron');
  if (!electronVersion) return { ok: false, message: 'electron is not installed; the desktop build of better-sqlite3 was skipped' };
  if (!installedVersion('better-sqlite3')) return { ok: false, message: 'better-sqlite3 is not installed' };
  if (!force && fs.existsSync(outputFile) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8').trim() === electronVersion) {
    return { ok: true, message: `Electron ${electronVersion} build of better-sqlite3 is up to date` };
  }

  // Build in a scratch copy so a failed or partial build can never touch the Node-ABI binary.
  const workDir = path.join(outputDir, 'work');
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const source = path.join(root, 'node_modules', 'better-sqlite3');
  for (const entry of ['binding.gyp', 'src', 'deps', 'package.json']) {
    fs.cpSync(path.join(source, entry), path.join(workDir, entry), { recursive: true });
  }
  const env = { ...process.env };
  // npm's nodedir would point node-gyp at Node's headers; the Electron build needs Electron's.
  for (const key of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(key)) delete env[key];
  const [cmd, args] = nodeGypCommand();
  const result = spawnSync(
    cmd,
    [...args, 'rebuild', '--release', `--target=${electronVersion}`, '--runtime=electron', '--dist-url=https://electronjs.org/headers'],
    { cwd: workDir, env, stdio: quiet ? 'pipe' : 'inherit', timeout: 10 * 60 * 1000 },
  );
  const built = path.join(workDir, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !fs.existsSync(built)) {
    fs.rmSync(workDir, { recursive: true, force: true });
    const reason = quiet && result.stderr ? String(result.stderr).trim().split('\n').slice(-3).join(' / ') : `exit ${result.status}`;
    return {
      ok: false,
      message: `could not build better-sqlite3 for Electron ${electronVersion} (Electron headers unavailable?): ${reason}`,
    };
  }
  fs.copyFileSync(built, outputFile);
  fs.writeFileSync(stampFile, electronVersion);
  fs.rmSync(workDir, { recursive: true, force: true });
  return { ok: true, message: `built better-sqlite3 for Electron ${electronVersion}` };
}

module.exports = { buildElectronSqlite, electronNativeBinding: outputFile };

if (require.main === module) {
  const result = buildElectronSqlite({ force: process.argv.includes('--force') });
  console.log(result.message);
  process.exit(result.ok ? 0 : 1);
}
