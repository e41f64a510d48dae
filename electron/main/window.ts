// The main window and its security settings. Everything the renderer can do goes through the
// preload's window.api; the page itself gets no Node, no Electron, and its own isolated world.
// The options are written as one literal at the constructor so static checkers (Electronegativity)
// see exactly what the window gets.
import { BrowserWindow, screen } from 'electron';
import { PRODUCT_NAME } from '../core/paths';
import type { RendererLocation } from './renderer-location';
import { MIN_SIZE, readWindowState, restoreBounds, writeWindowState } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  location: RendererLocation;
  /** JSON file where size and position are remembered. */
  stateFile: string;
  iconPath?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const saved = readWindowState(options.stateFile);
  const bounds = restoreBounds(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: PRODUCT_NAME,
    show: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: {
      // Reviewed (Electronegativity asks for a manual review of every preload): it exposes only the
      // contract's functions and onChange, proven by test/unit/ipc-contract.test.ts.
      preload: options.preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      // Written out although it is Electron's default: the renderer runs in Chromium's sandbox.
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links in new windows, bypassing the window.open handler.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    },
  });
  if (saved?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    writeWindowState(options.stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  // The dev server's page, or app://number-inventory/index.html (never a file:// URL).
  void window.loadURL(options.location.url);
  return window;
}
