// Change events reach every window, and commits by another process (the CLI) are noticed through
// SQLite's data_version while the app's own writes are not announced twice.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

import { changeBroadcaster } from '../../electron/main/change-events';
import { watchDatabase } from '../../electron/core/db/database-watch';
import { Inventory } from '../../electron/core/inventory';
import { CHANGE_EVENT_CHANNEL } from '../../shared/contract';
import { addSgNumbers, freshInventory, type TestInventory } from '../helpers/inventory';

let t: TestInventory;
beforeEach(() => (t = freshInventory()));
afterEach(() => t.close());

describe('change events', () => {
  it('are sent to every live window on the change channel', () => {
    const live = { isDestroyed: () => false, send: vi.fn() };
    const other = { isDestroyed: () => false, send: vi.fn() };
    const closed = { isDestroyed: () => true, send: vi.fn() };
    changeBroadcaster(() => [live, other, closed] as never)({ scope: 'numbers', numbers: ['+6561230000'] });
    expect(live.send).toHaveBeenCalledWith(CHANGE_EVENT_CHANNEL, { scope: 'numbers', numbers: ['+6561230000'] });
    expect(other.send).toHaveBeenCalledTimes(1);
    expect(closed.send).not.toHaveBeenCalled();
  });

  it('fire when another connection commits, not for our own writes', async () => {
    const seen: number[] = [];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const stop = watchDatabase(t.inventory.db, () => seen.push(Date.now()), 20);
    try {
      await addSgNumbers(t.inventory, 1);
      // Five looks at the database after our own write: none reports a change.
      vi.advanceTimersByTime(100);
      expect(seen).toHaveLength(0);

      const cli = Inventory.open(path.resolve(t.file), { actor: 'cli' });
      try {
        await cli.act('lock', { number: '+6561230000', remark: 'from the CLI' });
      } finally {
        cli.close();
      }
      vi.advanceTimersByTime(20);
      expect(seen).toHaveLength(1);
    } finally {
      stop();
      vi.useRealTimers();
    }
  });

  it('stop quietly once stopped or once the database is closed', async () => {
    const seen: number[] = [];
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    try {
      const stop = watchDatabase(t.inventory.db, () => seen.push(1), 10);
      stop();
      const cli = Inventory.open(t.file, { actor: 'cli' });
      await addSgNumbers(cli, 1);
      cli.close();
      vi.advanceTimersByTime(60);
      expect(seen).toEqual([]);
    } finally {
      vi.useRealTimers();
    }
  });
});
