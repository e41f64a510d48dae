// Services that run beside the windows for as long as the app runs (the expiry timer and outbox
// belong here, issue 5). Each gets the inventory and a way to announce changes; the returned
// function stops them all at quit.
import type { ChangeEvent } from '../../shared/contract';
import type { Inventory } from '../core/inventory';
import { electronParts } from './expiry/electron-parts';
import { startExpiryServices } from './expiry/index';

export interface BackgroundServiceContext {
  inventory: Inventory;
  /** Tell every window what changed, e.g. after the sweep released numbers. */
  notifyChange: (event: ChangeEvent) => void;
}

export function startBackgroundServices(context: BackgroundServiceContext): () => void {
  const stops: (() => void)[] = [];
  // Expiry timer (sweep on start, on resume, at each wake), email delivery, desktop notifications.
  stops.push(startExpiryServices({ ...context, ...electronParts() }).stop);
  return () => stops.splice(0).forEach((stop) => stop());
}
