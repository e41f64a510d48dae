// Shows the sweep's batched notices as Electron desktop notifications. A click brings the window
// to the front and asks the renderer to open the matching tab with its filter (a change event of
// scope 'navigate'). The same notices are in the app's notification list, so nothing depends on
// the operating system showing the toast.
import type { BrowserWindow, Notification as ElectronNotification, NotificationConstructorOptions } from 'electron';
import type { ChangeEvent } from '../../../shared/contract';
import type { DesktopBatch } from '../../../shared/notifications';

export interface NotificationClass {
  new (options: NotificationConstructorOptions): Pick<ElectronNotification, 'on' | 'show'>;
  isSupported(): boolean;
}

export interface DesktopNotifierOptions {
  Notification: NotificationClass | null;
  windows: () => readonly Pick<BrowserWindow, 'isMinimized' | 'restore' | 'show' | 'focus' | 'isDestroyed'>[];
  notifyChange: (event: ChangeEvent) => void;
}

function focusFirstWindow(windows: DesktopNotifierOptions['windows']): void {
  const window = windows().find((w) => !w.isDestroyed());
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function desktopNotifier(options: DesktopNotifierOptions): (batches: DesktopBatch[]) => void {
  // Notifications are garbage collected (and their click lost) unless something holds them.
  const live = new Set<unknown>();
  return (batches) => {
    // The in-app list refreshes whether or not the OS can show toasts.
    options.notifyChange({ scope: 'notifications' });
    const Notification = options.Notification;
    if (!Notification || !Notification.isSupported()) return;
    for (const batch of batches) {
      const notification = new Notification({ title: batch.title, body: batch.body, silent: false });
      live.add(notification);
      notification.on('click', () => {
        live.delete(notification);
        focusFirstWindow(options.windows);
        options.notifyChange({ scope: 'navigate', navigate: batch.navigate });
      });
      notification.on('close', () => live.delete(notification));
      notification.show();
    }
  };
}
