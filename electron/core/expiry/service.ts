// The background work of the desktop app, independent of Electron: the expiry sweep on its wake
// loop, then desktop notification batches and email delivery after it. The main process wires it
// to powerMonitor, Notification and the window; tests drive it with a manual clock and fake timers.
import type { DesktopBatch } from '../../../shared/notifications';
import type { Inventory } from '../inventory';
import { takeDesktopBatches } from '../notifications/desktop';
import { deliverDue, type DeliveryResult } from '../outbox/deliver';
import { nextAttemptAt } from '../outbox/repository';
import { smtpSender, type MailSender } from '../outbox/transport';
import { smtpConfigured, type AppSettings } from '../../../shared/settings';
import { appSettings } from '../settings-store';
import { nextDueInstant, type SweepReport } from './sweep';
import { WakeLoop, type TimerFunctions } from './wake-loop';

/**
 * Releases (or warnings) per transaction in the app's background sweep when it runs on the main
 * process (an inventory not opened with `sweepInWorker`): smaller than the CLI's 500 so the main
 * process, which also answers the window, is held only briefly (measured: 500 releases with their
 * notices took about 0.8 s on a heavily loaded 2-core machine). In a worker, batches are bounded by time.
 */
const BACKGROUND_BATCH_SIZE = 100;

export interface BackgroundServiceOptions {
  inventory: Inventory;
  timers?: TimerFunctions;
  /** After each sweep, with what it did (to push change events). */
  onSwept?(report: SweepReport): void;
  /** Notices not shown yet, batched per kind (to show desktop notifications). */
  onDesktopBatches?(batches: DesktopBatch[]): void;
  onDelivered?(result: DeliveryResult): void;
  onError?(error: unknown, where: 'sweep' | 'delivery'): void;
  /** Builds the sender for the SMTP settings in force; nodemailer SMTP unless a test gives another. */
  senderFor?(settings: AppSettings): MailSender;
  batchSize?: number;
  /**
   * Longest wait between looks at the database (at most an hour). Shorter steps pick up sooner
   * what changed without a wake: a short reservation made in the app, a longer warning lead, SMTP
   * just configured. A look that finds nothing due costs a few indexed queries.
   */
  stepMs?: number;
}

export interface BackgroundServices {
  expiry: WakeLoop;
  delivery: WakeLoop;
  start(): Promise<void>;
  stop(): void;
  /** System resume or a change that may have made a new deadline: sweep (and deliver) now. */
  wake(reason: string): Promise<void>;
}

export function createBackgroundServices(options: BackgroundServiceOptions): BackgroundServices {
  const { inventory } = options;
  const now = () => inventory.clock.now().toISOString();
  const delivery = new WakeLoop({
    clock: inventory.clock,
    timers: options.timers,
    async run() {
      const result = await deliverDue(inventory.db, inventory.clock, options.senderFor ?? smtpSender);
      if (result.sent || result.failed) options.onDelivered?.(result);
    },
    // Unconfigured, queued emails wait: nothing is due (else the loop would spin on them).
    nextAt: () => (smtpConfigured(appSettings(inventory.db)) ? nextAttemptAt(inventory.db) : null),
    onError: (error) => options.onError?.(error, 'delivery'),
    maxStepMs: options.stepMs,
  });
  const expiry = new WakeLoop({
    clock: inventory.clock,
    timers: options.timers,
    async run() {
      const report = await inventory.backgroundSweep(options.batchSize ?? BACKGROUND_BATCH_SIZE);
      if (report.released.length || report.notified.length) options.onSwept?.(report);
      const batches = takeDesktopBatches(inventory.db, now());
      if (batches.length) options.onDesktopBatches?.(batches);
      if (report.notified.some((n) => n.emails.some((e) => e.status === 'queued'))) void delivery.wake('queued');
    },
    nextAt: () => nextDueInstant(inventory.context, now()),
    onError: (error) => options.onError?.(error, 'sweep'),
    maxStepMs: options.stepMs,
  });
  return {
    expiry,
    delivery,
    async start() {
      // A read-only inventory can release nothing and record no notice: every sweep would only
      // fail again. The app shows it as it is; whoever can write to it runs the sweep.
      if (inventory.db.readonly) return;
      await expiry.start();
      await delivery.start();
    },
    stop() {
      expiry.stop();
      delivery.stop();
    },
    async wake(reason) {
      await expiry.wake(reason);
      await delivery.wake(reason);
    },
  };
}
