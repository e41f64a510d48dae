// The main window and its security settings. Everything the renderer can do goes through the
// preload's window.api; the page itself gets no Node, no Electron, and its own isolated world.
import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { PRODUCT_NAME } from '../core/paths';
import type { RendererLocation } from './renderer-location';
import { MIN_SIZE, readWindowState, restoreBounds, writeWindowState } from './window-state';

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
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
    spellcheck: false,
  };
}

export interface MainWindowOptions {
  preloadPath: string;
  location: RendererLocation;
  /** JSON file where size and position are remembered. */
  stateFile: string;
  iconPath?: string;
}

export function mainWindowOptions(options: MainWindowOptions): BrowserWindowConstructorOptions {
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const saved = readWindowState(options.stateFile);
  return {
    ...restoreBounds(saved, workAreas),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: PRODUCT_NAME,
    show: false,
    ...(options.iconPath ? { icon: options.iconPath } : {}),
    webPreferences: secureWebPreferences(options.preloadPath),
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(options));
  if (readWindowState(options.stateFile)?.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    writeWindowState(options.stateFile, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  });
  if (options.location.kind === 'dev-server') void window.loadURL(options.location.url);
  else void window.loadFile(options.location.file);
  return window;
}
