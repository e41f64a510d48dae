// The core's service API, used by the CLI, the IPC handlers and browser mode alike. Asynchronous
// even where better-sqlite3 is synchronous, so heavy work can move to a worker (or the store to a
// server) without changing callers.
import type { ActionInput } from '../../shared/actions';
import type { AddNumbersRequest } from '../../shared/add-numbers';
import type { AddResult, ExpiredRelease, NumberDetail, NumberRecord, NumberState, Organization } from '../../shared/domain';
import type { OperatorAction } from '../../shared/lifecycle';
import type { SearchFilter, SearchRequest, SearchResult } from '../../shared/search';
import type { LifecycleSettings } from '../../shared/settings';
import { systemClock, type Clock } from './clock';
import { defaultActor, type CoreContext } from './context';
import { openDatabase, type Db, type OpenOptions } from './db/connection';
import { performAction } from './lifecycle/perform';
import { sweepAll } from './lifecycle/sweep';
import { addNumbers } from './numbers/add';
import { detailOf, numberKey, requireRow } from './numbers/repository';
import { importOrganizationsCsv } from './organizations-csv';
import { listOrganizations, saveOrganization, type OrganizationInput } from './organizations';
import { countByState, searchNumbers } from './search/search';
import { lifecycleSettings } from './settings-store';

export interface InventoryOptions extends OpenOptions {
  clock?: Clock;
  /** Recorded on audit events; defaults to the operator name in settings, else the OS account. */
  actor?: string;
}

export class Inventory {
  readonly db: Db;
  readonly clock: Clock;
  private readonly fixedActor: string | undefined;

  constructor(db: Db, options: { clock?: Clock; actor?: string } = {}) {
    this.db = db;
    this.clock = options.clock ?? systemClock;
    this.fixedActor = options.actor;
  }

  static open(file: string, options: InventoryOptions = {}): Inventory {
    return new Inventory(openDatabase(file, options), options);
  }

  /** Read per call so a change of the operator name in settings applies at once. */
  get context(): CoreContext {
    return { db: this.db, clock: this.clock, actor: this.fixedActor ?? defaultActor(this.db) };
  }

  close(): void {
    this.db.close();
  }

  async act<A extends OperatorAction>(action: A, input: ActionInput<A>): Promise<NumberDetail> {
    return performAction(this.context, action, input);
  }

  async add(request: AddNumbersRequest): Promise<AddResult[]> {
    return addNumbers(this.context, request);
  }

  async show(number: string): Promise<NumberDetail> {
    return detailOf(this.db, requireRow(this.db, numberKey(number)));
  }

  async search(request: SearchRequest = {}): Promise<SearchResult<NumberRecord>> {
    return searchNumbers(this.db, request);
  }

  async counts(filter: SearchFilter = {}): Promise<Record<NumberState, number>> {
    return countByState(this.db, filter);
  }

  /** Releases every reservation and lock due as of the clock's now. */
  async sweep(): Promise<ExpiredRelease[]> {
    return sweepAll(this.context, this.clock.now().toISOString());
  }

  async organizations(): Promise<Organization[]> {
    return listOrganizations(this.db);
  }

  async saveOrganization(input: OrganizationInput, mode: 'add' | 'update' | 'upsert' = 'add'): Promise<Organization> {
    return saveOrganization(this.context, input, mode);
  }

  async importOrganizations(csvText: string): Promise<Organization[]> {
    return importOrganizationsCsv(this.context, csvText);
  }

  async settings(): Promise<LifecycleSettings> {
    return lifecycleSettings(this.db);
  }
}
