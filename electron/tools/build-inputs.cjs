// Whether a build is current, from the files that actually went into it: each build records its
// inputs (esbuild's metafile, or the modules Vite bundled) beside its output, and is current while
// every input exists and none is newer than the output. A new source file can only matter once an
// existing one imports it, and that edit makes the build stale, so the list cannot go stale
// silently the way a hand-kept list of folders can.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
/** Inputs of every build besides its sources: the dependency versions and this build tooling. */
const ALWAYS = ['package-lock.json', 'electron/tools/build-inputs.cjs', 'electron/tools/bundle-node.cjs'];

const inputsFile = (target) => `${target}.inputs.json`;

/** Records the files (absolute or relative to the project root) a build of `target` read. */
function recordInputs(target, files) {
  const relative = [...new Set([...files.map((file) => path.relative(root, path.resolve(root, file))), ...ALWAYS])]
    .filter((file) => !file.startsWith('..') && !file.split(path.sep).includes('node_modules'))
    .sort();
  fs.writeFileSync(inputsFile(target), `${JSON.stringify(relative, null, 1)}\n`);
}

/** True when `target` was built from the inputs it recorded and none changed since. */
function isCurrent(target) {
  if (!fs.existsSync(target) || !fs.existsSync(inputsFile(target))) return false;
  let inputs;
  try {
    inputs = JSON.parse(fs.readFileSync(inputsFile(target), 'utf8'));
  } catch {
    return false;
  }
  // A copy shipped without its sources (a packaged install) is used as it is.
  if (!inputs.some((file) => !ALWAYS.includes(file) && fs.existsSync(path.join(root, file)))) return true;
  const built = fs.statSync(target).mtimeMs;
  return inputs.every((file) => {
    const full = path.join(root, file);
    return fs.existsSync(full) && fs.statSync(full).mtimeMs <= built;
  });
}

/**
 * A Vite plugin recording every project module the bundle holds (and `extraInputs`, such as the
 * config files) as the inputs of the built index.html.
 */
function viteRecordInputs(extraInputs = []) {
  let outDir = '';
  let ids = [];
  return {
    name: 'number-inventory-record-inputs',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    generateBundle() {
      ids = [...this.getModuleIds()].filter((id) => !id.startsWith('\0') && path.isAbsolute(id)).map((id) => id.split('?')[0]);
    },
    closeBundle() {
      recordInputs(path.join(outDir, 'index.html'), [...ids, ...extraInputs]);
    },
  };
}

module.exports = { recordInputs, isCurrent, viteRecordInputs, root };
