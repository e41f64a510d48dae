// Hand-driven timer functions for the wake loops: record every delay asked for (so tests can
// assert no step exceeds an hour) and fire due timers as a manual clock moves.
import type { ManualClock } from '../../electron/core/clock';
import type { TimerFunctions } from '../../electron/core/expiry/wake-loop';

interface Pending {
  id: number;
  at: number;
  callback: () => void;
}

export class FakeTimers implements TimerFunctions {
  readonly delays: number[] = [];
  private pending: Pending[] = [];
  private nextId = 1;

  constructor(private readonly clock: ManualClock) {}

  set(callback: () => void, ms: number): unknown {
    this.delays.push(ms);
    const timer = { id: this.nextId++, at: this.clock.now().getTime() + ms, callback };
    this.pending.push(timer);
    return timer.id;
  }

  clear(handle: unknown): void {
    this.pending = this.pending.filter((p) => p.id !== handle);
  }

  get count(): number {
    return this.pending.length;
  }

  /** The instant the earliest pending timer fires, or null. */
  nextAt(): number | null {
    return this.pending.length ? Math.min(...this.pending.map((p) => p.at)) : null;
  }

  /**
   * Moves the clock to `targetMs`, firing each timer due on the way at its own instant and letting
   * `settle` finish the work it started before the next one.
   */
  async advanceTo(targetMs: number, settle: () => Promise<void>): Promise<number> {
    let fired = 0;
    for (;;) {
      const next = this.pending.filter((p) => p.at <= targetMs).sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.pending = this.pending.filter((p) => p !== next);
      if (next.at > this.clock.now().getTime()) this.clock.set(new Date(next.at));
      next.callback();
      fired++;
      await settle();
    }
    this.clock.set(new Date(targetMs));
    return fired;
  }
}
