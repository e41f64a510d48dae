// The standard application menu. Roles give the platform's own copy/paste, undo, zoom and window
// commands (and their shortcuts), which a window without a menu would lack.
import type { MenuItemConstructorOptions } from 'electron';
import { PRODUCT_NAME } from '../core/paths';

/** What the app's own menu items do (the window is told through a change event). */
export interface MenuCommands {
  importNumbers: () => void;
}

export function applicationMenuTemplate(
  platform: NodeJS.Platform,
  isPackaged: boolean,
  commands: MenuCommands,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) template.push({ label: PRODUCT_NAME, role: 'appMenu' });
  template.push({
    label: 'File',
    submenu: [
      { label: 'Import numbers…', accelerator: 'CmdOrCtrl+I', click: () => commands.importNumbers() },
      { type: 'separator' },
      mac ? { role: 'close' } : { role: 'quit' },
    ],
  });
  template.push({ label: 'Edit', role: 'editMenu' });
  template.push({
    label: 'View',
    submenu: [
      { role: 'reload' },
      // Developer tools only while developing.
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  });
  template.push({ label: 'Window', role: 'windowMenu' });
  return template;
}
