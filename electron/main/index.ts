// The desktop app's start: one instance, a hardened session, the app:// scheme serving the page, the
// database, the IPC contract, change events, background services, and the main window.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import type { ChangeEvent } from '../../shared/contract';
import type { Inventory } from '../core/inventory';
import { configureAppIdentity, desktopDatabasePath, windowStateFile } from './app-identity';
import { APP_SCHEME, registerAppScheme, rendererProtocolHandler } from './app-protocol';
import { startBackgroundServices } from './background-services';
import { changeBroadcaster } from './change-events';
import { registerIpcHandlers } from './ipc';
import { applicationMenuTemplate } from './menu';
import { electronNativeBindingPath } from './native-binding';
import { nativeOperations } from './native-operations';
import { openDesktopInventory } from './open-inventory';
import { rendererLocation } from './renderer-location';
import { hardenSession, hardenWebContents } from './security';
import { trustedSenderCheck } from './sender';
import { createMainWindow } from './window';

configureAppIdentity(app);
// Every renderer in Chromium's sandbox, whatever a window's own options say.
app.enableSandbox();
registerAppScheme(protocol);

const location = rendererLocation({ isPackaged: app.isPackaged, env: process.env, mainDir: __dirname });
const appWebContents = () => BrowserWindow.getAllWindows().map((window) => window.webContents);

function openWindow(): BrowserWindow {
  const iconPath = path.join(app.getAppPath(), 'resources', 'icon.png');
  return createMainWindow({
    preloadPath: path.join(__dirname, '..', 'preload', 'index.js'),
    location,
    stateFile: windowStateFile(app),
    ...(fs.existsSync(iconPath) ? { iconPath } : {}),
  });
}

function focusMainWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

function start(): void {
  hardenSession(session.defaultSession, location);
  if (location.kind === 'app-scheme') protocol.handle(APP_SCHEME, rendererProtocolHandler(location.rendererDir));
  // The menu is there before the inventory opens; its commands reach the window once it has.
  let notifyWindows: ((event: ChangeEvent) => void) | null = null;
  const commands = { importNumbers: () => notifyWindows?.({ scope: 'navigate', navigate: { view: 'import' } }) };
  Menu.setApplicationMenu(Menu.buildFromTemplate(applicationMenuTemplate(process.platform, app.isPackaged, commands)));

  let databasePath: string;
  try {
    databasePath = desktopDatabasePath(app);
  } catch (error) {
    // An empty NUMBER_INVENTORY_DB: say so rather than quietly open the app's own inventory.
    dialog.showErrorBox('Number Inventory cannot start', error instanceof Error ? error.message : String(error));
    app.quit();
    return;
  }
  const opened = openDesktopInventory({
    databasePath,
    nativeBinding: electronNativeBindingPath({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appRoot: app.getAppPath(),
    }),
    isPackaged: app.isPackaged,
    env: process.env,
  });
  if (!opened.ok) {
    dialog.showErrorBox('Number Inventory cannot start', opened.message);
    app.quit();
    return;
  }
  const inventory: Inventory = opened.inventory;
  const broadcast = changeBroadcaster(appWebContents);
  notifyWindows = broadcast;
  registerIpcHandlers({
    ipcMain,
    inventory,
    isTrustedSender: trustedSenderCheck(location, appWebContents),
    onChange: broadcast,
    native: nativeOperations(opened.exportFiles, opened.importFiles),
  });
  const stopWatching = inventory.watchChanges(broadcast);
  const stopServices = startBackgroundServices({ inventory, notifyChange: broadcast });

  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('will-quit', () => {
    stopServices();
    stopWatching();
    inventory.close();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another instance runs: it receives 'second-instance' and comes to the front.
  app.quit();
} else {
  app.on('second-instance', focusMainWindow);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, location, shell));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Number Inventory cannot start', error instanceof Error ? error.message : String(error));
    app.quit();
  });
}
