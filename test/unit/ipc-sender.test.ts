// Only the app's own page in the main frame of the app's own window may call the core.
import { describe, expect, it } from 'vitest';
import type { RendererLocation } from '../../electron/main/renderer-location';
import { trustedSenderCheck } from '../../electron/main/sender';

const appLocation: RendererLocation = { kind: 'app-scheme', url: 'app://number-inventory/index.html', rendererDir: '/app/out/renderer' };
const APP_PAGE = 'app://number-inventory/index.html';
const devLocation: RendererLocation = { kind: 'dev-server', url: 'http://localhost:5173/', origin: 'http://localhost:5173' };

let nextRoutingId = 1;
function windowContents(url: string) {
  const mainFrame = { url, parent: null, processId: 7, routingId: nextRoutingId++ };
  return { mainFrame };
}

const eventFrom = (sender: { mainFrame: unknown }, frame: unknown) => ({ sender, senderFrame: frame }) as never;

describe('IPC sender check', () => {
  it('accepts the main frame of the app window on the app page', () => {
    const app = windowContents(APP_PAGE);
    const check = trustedSenderCheck(appLocation, () => [app as never]);
    expect(check(eventFrom(app, app.mainFrame))).toBe(true);
    const dev = windowContents('http://localhost:5173/');
    expect(trustedSenderCheck(devLocation, () => [dev as never])(eventFrom(dev, dev.mainFrame))).toBe(true);
  });

  it('refuses a webContents that is not an app window', () => {
    const app = windowContents(APP_PAGE);
    const stranger = windowContents(APP_PAGE);
    const check = trustedSenderCheck(appLocation, () => [app as never]);
    expect(check(eventFrom(stranger, stranger.mainFrame))).toBe(false);
  });

  it('refuses a sub-frame of the app window', () => {
    const app = windowContents(APP_PAGE);
    const iframe = { url: APP_PAGE, parent: app.mainFrame, processId: 7, routingId: 999 };
    expect(trustedSenderCheck(appLocation, () => [app as never])(eventFrom(app, iframe))).toBe(false);
  });

  it('recognises the main frame by its ids when given another wrapper object', () => {
    const app = windowContents(APP_PAGE);
    const sameFrame = { ...app.mainFrame };
    expect(trustedSenderCheck(appLocation, () => [app as never])(eventFrom(app, sameFrame))).toBe(true);
    const otherFrame = { ...app.mainFrame, routingId: app.mainFrame.routingId + 100 };
    expect(trustedSenderCheck(appLocation, () => [app as never])(eventFrom(app, otherFrame))).toBe(false);
  });

  it('refuses the app window once it shows another page', () => {
    // A file:// copy of the page is not the app either: only app://number-inventory/index.html is.
    for (const url of [
      'https://evil.example/',
      'file:///tmp/evil.html',
      'file:///app/out/renderer/index.html',
      'app://number-inventory/other.html',
      'app://evil.example/index.html',
      'http://localhost:5174/',
      'about:blank',
    ]) {
      const app = windowContents(url);
      expect(trustedSenderCheck(appLocation, () => [app as never])(eventFrom(app, app.mainFrame)), url).toBe(false);
      expect(trustedSenderCheck(devLocation, () => [app as never])(eventFrom(app, app.mainFrame)), url).toBe(false);
    }
  });

  it('refuses an event without a frame (the frame was destroyed)', () => {
    const app = windowContents(APP_PAGE);
    expect(trustedSenderCheck(appLocation, () => [app as never])(eventFrom(app, null))).toBe(false);
  });
});
