// A job that runs now and then again at its next due instant, woken by a timer that never waits
// more than an hour at a time. Deadlines live in the database; the timer is only a wake-up, so a
// clock change, a sleep or a missed tick costs at most one step. Node fires a setTimeout longer
// than 2^31-1 ms (about 24.8 days) at once, with a TimeoutOverflowWarning: capping every step at
// an hour keeps far deadlines correct. Pure: clock and timer functions are injected.
import type { Clock } from '../clock';

export const MAX_TIMER_STEP_MS = 60 * 60 * 1000;
/**
 * When a run ends with its work still due (it failed, or the work could not be done yet), the next
 * try waits this long instead of spinning on a zero-length timer.
 */
export const RETRY_AFTER_RUN_MS = 5_000;

export interface TimerFunctions {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const nodeTimers: TimerFunctions = {
  set: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // A pending wake-up must not keep a CLI or test process alive.
    handle.unref?.();
    return handle;
  },
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** How long to wait before the next wake: until the target, but never more than one step. */
export function stepDelay(targetMs: number | null, nowMs: number, maxStepMs = MAX_TIMER_STEP_MS): number {
  const step = Math.min(maxStepMs, MAX_TIMER_STEP_MS);
  if (targetMs === null || Number.isNaN(targetMs)) return step;
  return Math.min(step, Math.max(0, targetMs - nowMs));
}

export interface WakeLoopOptions {
  clock: Clock;
  timers?: TimerFunctions;
  /** The work of one wake (a sweep, a delivery round). */
  run(reason: string): Promise<void>;
  /** The next instant there is work (ISO), or null for none known. */
  nextAt(): Promise<string | null> | string | null;
  onError?(error: unknown): void;
  maxStepMs?: number;
}

export class WakeLoop {
  private handle: unknown = null;
  private running: Promise<void> | null = null;
  private rerun: string | null = null;
  private settled: Promise<void> = Promise.resolve();
  private stopped = true;
  /** The delay of the timer last armed, for diagnostics and tests. */
  lastDelayMs: number | null = null;

  constructor(private readonly options: WakeLoopOptions) {}

  private get timers(): TimerFunctions {
    return this.options.timers ?? nodeTimers;
  }

  /** Runs at once and keeps running at each due instant until stopped. */
  start(): Promise<void> {
    this.stopped = false;
    return this.wake('start');
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
  }

  get isRunning(): boolean {
    return this.running !== null;
  }

  /**
   * Runs now (system resume, a change that may have created a deadline, a timer tick). Runs never
   * overlap: a wake during a run is coalesced into one more run after it.
   */
  wake(reason: string): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.rerun = reason;
      return this.settled;
    }
    this.disarm();
    const cycle = (async () => {
      let next: string | null = reason;
      while (next !== null && !this.stopped) {
        this.rerun = null;
        try {
          await this.options.run(next);
        } catch (error) {
          this.options.onError?.(error);
        }
        next = this.rerun;
      }
    })();
    this.running = cycle;
    this.settled = cycle.then(async () => {
      this.running = null;
      await this.arm(true);
    });
    return this.settled;
  }

  /** Resolves when the current run, and the arming of the next wake after it, are done. */
  idle(): Promise<void> {
    return this.settled;
  }

  private disarm(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
  }

  private async arm(afterRun = false): Promise<void> {
    if (this.stopped) return;
    let target: string | null = null;
    try {
      target = await this.options.nextAt();
    } catch (error) {
      this.options.onError?.(error);
    }
    if (this.stopped || this.running) return;
    this.disarm();
    const nowMs = this.options.clock.now().getTime();
    const targetMs = target === null ? null : Date.parse(target);
    let delay = stepDelay(targetMs, nowMs, this.options.maxStepMs);
    if (afterRun && targetMs !== null && targetMs <= nowMs)
      delay = Math.min(stepDelay(null, nowMs, this.options.maxStepMs), RETRY_AFTER_RUN_MS);
    this.lastDelayMs = delay;
    this.handle = this.timers.set(() => {
      this.handle = null;
      this.settled = this.tick();
    }, delay);
  }

  /**
   * A timer step ended: run if the due instant (read again, so deadlines another process such as
   * the CLI added count too) has come, otherwise arm the next step.
   */
  private async tick(): Promise<void> {
    if (this.stopped || this.running) return;
    let target: string | null = null;
    try {
      target = await this.options.nextAt();
    } catch (error) {
      this.options.onError?.(error);
    }
    if (target !== null && Date.parse(target) <= this.options.clock.now().getTime()) return this.wake('timer');
    return this.arm();
  }
}
