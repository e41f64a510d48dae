// The Electron modules the expiry wiring uses, read defensively: powerMonitor and Notification are
// only usable once the app is ready, and a test's mocked `electron` may not define them.
import * as electron from 'electron';
import type { BrowserWindow, PowerMonitor } from 'electron';
import type { NotificationClass } from '../notifications/desktop-notifier';

function optional<T>(read: () => T): T | null {
  try {
    return read() ?? null;
  } catch {
    return null;
  }
}

export function electronParts(): {
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'> | null;
  Notification: NotificationClass | null;
  windows: () => readonly BrowserWindow[];
} {
  return {
    windows: () => optional(() => electron.BrowserWindow.getAllWindows()) ?? [],
    powerMonitor: optional(() => electron.powerMonitor),
    Notification: optional(() => electron.Notification as unknown as NotificationClass),
  };
}
