// Builds the CLI bundle and browser mode (server and renderer) once before the workers start, so
// tests neither race to rebuild them nor spend their own time on it.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export default function globalSetup(): void {
  execFileSync(process.execPath, [path.resolve('electron/cli/bin.cjs'), '--help'], { stdio: 'ignore' });
  const require = createRequire(__filename);
  const build = require(path.resolve('electron/browser/build-browser.cjs')) as { ensureBuilt: (options: { renderer: boolean }) => void };
  build.ensureBuilt({ renderer: true });
}
