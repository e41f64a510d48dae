// The renderer for browser mode (`npm run dev:browser`): the same build as the desktop app's
// renderer (electron.vite.config.ts), into out/browser/renderer so it never races the desktop build.
import path from 'node:path';
import { defineConfig } from 'vite';
import { rendererConfig } from './electron.vite.config';

export default defineConfig({
  ...rendererConfig,
  build: {
    ...rendererConfig.build,
    outDir: path.resolve(import.meta.dirname, 'out', 'browser', 'renderer'),
  },
});
