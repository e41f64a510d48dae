// Services that run beside the windows for as long as the app runs (the expiry timer and outbox
// belong here, issue 5). Each gets the inventory and a way to announce changes; the returned
// function stops them all at quit.
import type { ChangeEvent } from '../../shared/contract';
import type { Inventory } from '../core/inventory';

export interface BackgroundServiceContext {
  inventory: Inventory;
  /** Tell every window what changed, e.g. after the sweep released numbers. */
  notifyChange: (event: ChangeEvent) => void;
}

export function startBackgroundServices(_context: BackgroundServiceContext): () => void {
  const stops: (() => void)[] = [];
  return () => stops.splice(0).forEach((stop) => stop());
}
