// electron-vite: main and preload as CommonJS (the package is CommonJS; a sandboxed preload must be
// one self-contained .js file), the React renderer from renderer/ with its CSP written into the page.
import react from '@vitejs/plugin-react';
import { defineConfig, type RendererViteConfig } from 'electron-vite';
import path from 'node:path';
import type { Plugin } from 'vite';
import { developmentCsp, RENDERER_CSP } from './shared/content-security-policy';

const root = __dirname;

const CSP_META = /<meta\s+http-equiv=["']Content-Security-Policy["'][^>]*>\s*/gi;

/**
 * Writes the renderer's CSP into index.html as a <meta>, beside the response header the app://
 * scheme and browser mode send with it: a copy of the page opened any other way (from the disk,
 * another server) is still bound by the policy. Under the dev server the policy allows Vite's
 * inline refresh preamble and hot-reload socket instead.
 */
export function rendererCspPlugin(): Plugin {
  let policy = RENDERER_CSP;
  return {
    name: 'number-inventory-csp',
    configureServer(server) {
      const { port = 5173 } = server.config.server;
      policy = developmentCsp(`http://localhost:${port}`);
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        const withoutOld = html.replace(CSP_META, '');
        // Right after <meta charset>, which must come first.
        const charset = /<meta\s+charset=[^>]*>/i;
        return charset.test(withoutOld)
          ? withoutOld.replace(charset, (tag) => `${tag}\n    ${meta}`)
          : withoutOld.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
  };
}

/** The renderer build shared by the desktop app and browser mode (vite.browser.config.mts). */
export const rendererConfig: RendererViteConfig = {
  root: path.join(root, 'renderer'),
  base: './',
  plugins: [react(), rendererCspPlugin()],
  build: {
    outDir: path.join(root, 'out', 'renderer'),
    emptyOutDir: true,
    // electron-vite leaves bundles unminified by default; the renderer is large enough to care.
    minify: true,
    // MUI and the data grid make one large chunk; it is loaded from disk, not a network.
    chunkSizeWarningLimit: 4096,
    rollupOptions: { input: path.join(root, 'renderer', 'index.html') },
  },
};

export default defineConfig({
  main: {
    build: {
      outDir: path.join(root, 'out', 'main'),
      // The native module is loaded at run time through its nativeBinding option.
      externalizeDeps: { include: ['better-sqlite3'] },
      rollupOptions: {
        // export-worker: the export's worker thread starts from its own file (electron/core/export).
        input: {
          index: path.join(root, 'electron', 'main', 'index.ts'),
          'export-worker': path.join(root, 'electron', 'core', 'export', 'worker-entry.ts'),
        },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: path.join(root, 'out', 'preload'),
      // Sandboxed preloads can require only 'electron': bundle zod and the contract in.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: path.join(root, 'electron', 'preload', 'index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].js' },
      },
    },
  },
  renderer: rendererConfig,
});
