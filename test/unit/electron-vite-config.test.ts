// The renderer build writes the one CSP into index.html (besides the response header, so a copy of
// the page opened from the disk is bound too), replacing any other CSP meta, right after
// <meta charset>; the dev server gets the dev policy.
import { describe, expect, it } from 'vitest';
import config, { rendererConfig, rendererCspPlugin } from '../../electron.vite.config';
import { developmentCsp, RENDERER_CSP } from '../../shared/content-security-policy';

type Transform = { handler: (html: string) => string };
const transform = (plugin: ReturnType<typeof rendererCspPlugin>) => (plugin.transformIndexHtml as Transform).handler;

const PAGE = `<!doctype html><html><head>
<meta charset="UTF-8" />
<meta http-equiv="Content-Security-Policy" content="default-src *; script-src * 'unsafe-eval'" />
<title>t</title></head><body></body></html>`;

describe('electron.vite.config.ts', () => {
  it('writes exactly the app CSP into the built page, after the charset', () => {
    const html = transform(rendererCspPlugin())(PAGE);
    const metas = [...html.matchAll(/http-equiv="Content-Security-Policy" content="([^"]*)"/g)].map((m) => m[1]);
    expect(metas).toEqual([RENDERER_CSP]);
    expect(html.indexOf('charset')).toBeLessThan(html.indexOf('Content-Security-Policy'));
    expect(html).not.toContain('unsafe-eval');
  });

  it('uses the development policy under the dev server', () => {
    const plugin = rendererCspPlugin();
    (plugin.configureServer as (server: unknown) => void)({ config: { server: { port: 5199 } } });
    expect(transform(plugin)(PAGE)).toContain(developmentCsp('http://localhost:5199'));
  });

  it('builds main and preload as CommonJS from electron/, the renderer from renderer/ with relative asset paths', () => {
    const resolved = config as {
      main: { build: { rollupOptions: { input: Record<string, string>; output: { format: string } } } };
      preload: { build: { externalizeDeps: boolean; rollupOptions: { input: Record<string, string>; output: { format: string } } } };
    };
    expect(resolved.main.build.rollupOptions.output.format).toBe('cjs');
    expect(resolved.main.build.rollupOptions.input.index).toMatch(/electron[\\/]main[\\/]index\.ts$/);
    expect(resolved.preload.build.rollupOptions.output.format).toBe('cjs');
    expect(resolved.preload.build.externalizeDeps).toBe(false);
    expect(resolved.preload.build.rollupOptions.input.index).toMatch(/electron[\\/]preload[\\/]index\.ts$/);
    expect(rendererConfig.root).toMatch(/renderer$/);
    expect(rendererConfig.base).toBe('./');
  });
});
