// The desktop app's menu: File > Import numbers asks the window to open its import dialog; the
// platform's own quit or close stays.
import { describe, expect, it, vi } from 'vitest';
import { applicationMenuTemplate } from '../../electron/main/menu';

function fileMenu(platform: NodeJS.Platform, importNumbers = () => {}) {
  const file = applicationMenuTemplate(platform, true, { importNumbers }).find((item) => item.label === 'File');
  if (!file || !Array.isArray(file.submenu)) throw new Error('no File menu');
  return file.submenu;
}

describe('the File menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s offers Import numbers, which runs the import command', (platform) => {
    const importNumbers = vi.fn();
    const items = fileMenu(platform, importNumbers);
    const item = items.find((entry) => entry.label === 'Import numbers…');
    expect(item?.accelerator).toBe('CmdOrCtrl+I');
    expect(importNumbers).not.toHaveBeenCalled();
    // Electron calls click with the item, the window and the event; the command needs none of them.
    (item?.click as () => void)();
    expect(importNumbers).toHaveBeenCalledTimes(1);
    expect(items[items.length - 1].role).toBe(platform === 'darwin' ? 'close' : 'quit');
  });
});
