// One clock abstraction for the whole core. NUMBER_INVENTORY_NOW fixes it (CLI, browser mode, tests).
import { readInstant } from '../../shared/time';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(instant: string | Date): Clock {
  const ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  return { now: () => new Date(ms) };
}

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private ms: number;
  constructor(start: string | Date) {
    this.ms = typeof start === 'string' ? Date.parse(start) : start.getTime();
  }
  now(): Date {
    return new Date(this.ms);
  }
  set(instant: string | Date): void {
    this.ms = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  }
  advance(ms: number): void {
    this.ms += ms;
  }
}

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  return fixedClockFromEnv(env) ?? systemClock;
}

/** The clock NUMBER_INVENTORY_NOW fixes, or undefined when it is unset (a team database then takes its server's time). */
export function fixedClockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock | undefined {
  const fixed = env.NUMBER_INVENTORY_NOW;
  if (!fixed) return undefined;
  const reading = readInstant(fixed);
  if (!reading.ok) throw new Error(`NUMBER_INVENTORY_NOW: ${reading.reason}`);
  return fixedClock(reading.iso);
}
