// What every core operation needs: the database, the clock, and who is acting.
import os from 'node:os';
import type { Clock } from './clock';
import type { Db } from './db/connection';
import type { AppSettings } from '../../shared/settings';
import { appSettings } from './settings-store';

export interface CoreContext {
  db: Db;
  clock: Clock;
  /** Operator recorded on audit events. */
  actor: string;
}

/** The actor when none is given: the operator name from settings, else the OS account. */
export function defaultActor(db: Db): string {
  return actorOf(appSettings(db));
}

/** The operator name from these settings, else the OS account. */
export function actorOf(settings: Pick<AppSettings, 'operatorName'>): string {
  const configured = settings.operatorName;
  if (configured) return configured;
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}
