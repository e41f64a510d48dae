// The renderer for browser mode (`npm run dev:browser`): the same build as the desktop app's
// renderer (electron.vite.config.ts), into out/browser/renderer so it never races the desktop build.
// It records the files it was built from, so browser mode rebuilds it exactly when one changes.
import path from 'node:path';
import { defineConfig } from 'vite';
import buildInputs from './electron/tools/build-inputs.cjs';
import { rendererConfig } from './electron.vite.config';

export default defineConfig({
  ...rendererConfig,
  plugins: [
    ...(rendererConfig.plugins ?? []),
    buildInputs.viteRecordInputs(['vite.browser.config.mts', 'electron.vite.config.ts', 'renderer/index.html']),
  ],
  build: {
    ...rendererConfig.build,
    outDir: path.resolve(import.meta.dirname, 'out', 'browser', 'renderer'),
  },
});
