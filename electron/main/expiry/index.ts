// The main process's wiring of the expiry timer, email delivery and desktop notifications: the
// logic lives in the core (electron/core/expiry); here it meets powerMonitor (sweep on resume),
// Notification, and the windows' change events.
import type { BrowserWindow, PowerMonitor } from 'electron';
import type { ChangeEvent } from '../../../shared/contract';
import { EXPIRING_STATES } from '../../../shared/lifecycle';
import { createBackgroundServices, type BackgroundServices } from '../../core/expiry/service';
import type { TimerFunctions } from '../../core/expiry/wake-loop';
import type { Inventory } from '../../core/inventory';
import type { MailSender } from '../../core/outbox/transport';
import type { AppSettings } from '../../../shared/settings';
import { desktopNotifier, type NotificationClass } from '../notifications/desktop-notifier';

export interface ExpiryWiring {
  inventory: Inventory;
  notifyChange: (event: ChangeEvent) => void;
  powerMonitor: Pick<PowerMonitor, 'on' | 'removeListener'> | null;
  Notification: NotificationClass | null;
  windows: () => readonly BrowserWindow[];
  timers?: TimerFunctions;
  senderFor?: (settings: AppSettings) => MailSender;
  log?: (message: string, error: unknown) => void;
  /** See BackgroundServiceOptions.stepMs; a minute in the app. */
  stepMs?: number;
}

const APP_TIMER_STEP_MS = 60_000;

export function startExpiryServices(wiring: ExpiryWiring): { services: BackgroundServices; stop: () => void } {
  const { notifyChange } = wiring;
  const log = wiring.log ?? ((message, error) => console.error(message, error));
  const services = createBackgroundServices({
    inventory: wiring.inventory,
    timers: wiring.timers,
    senderFor: wiring.senderFor,
    stepMs: wiring.stepMs ?? APP_TIMER_STEP_MS,
    onSwept(report) {
      if (report.released.length) {
        notifyChange({ scope: 'numbers', numbers: report.released.map((r) => r.number), states: ['available', ...EXPIRING_STATES] });
      }
      if (report.notified.length) notifyChange({ scope: 'outbox' });
    },
    onDesktopBatches: desktopNotifier({ Notification: wiring.Notification, windows: wiring.windows, notifyChange }),
    onDelivered: () => notifyChange({ scope: 'outbox' }),
    onError: (error, where) => log(`Number Inventory ${where} failed:`, error),
  });
  const onResume = () => void services.wake('resume');
  wiring.powerMonitor?.on('resume', onResume);
  void services.start();
  return {
    services,
    stop() {
      wiring.powerMonitor?.removeListener('resume', onResume);
      services.stop();
    },
  };
}
