/** Lets other work (requests, timers, change events) run between two batches of a bulk action. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
