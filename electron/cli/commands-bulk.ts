// One action over many numbers from the command line: the action commands take several numbers,
// or --all-matching with the search filters, and --dry-run. One number without --dry-run is the
// single action as before (its detail printed, refusal exit status 1).
import type { Command } from 'commander';
import type { ActionInput } from '../../shared/actions';
import { MAX_BULK_NUMBERS } from '../../shared/bulk';
import { InventoryError } from '../../shared/errors';
import type { OperatorAction } from '../../shared/lifecycle';
import { compactFilter } from '../../shared/search';
import { addFilterOptions, csv, filterFromOptions, type FilterOption, type FilterOptions } from './filter-options';
import type { InventoryProvider } from './main';
import { UsageError } from './main';
import type { Output } from './output';

export interface BulkOptions extends FilterOptions {
  allMatching?: boolean;
  dryRun?: boolean;
}

/** Some of the numbers were refused: their reasons are printed; exit status 1. */
export class BulkRefused extends Error {}

/** --all-matching, the search filters (less those the action uses as its own options) and --dry-run. */
export function addBulkOptions(command: Command, except: readonly FilterOption[] = []): Command {
  command
    .option('--all-matching', `act on every number the search filters match (at most ${MAX_BULK_NUMBERS.toLocaleString('en-US')})`)
    .option('--dry-run', 'show per number whether the action would apply or why not, and change nothing');
  return addFilterOptions(command, except);
}

type ActionFields<A extends OperatorAction> = Omit<ActionInput<A>, 'number' | 'expectedVersion'>;

export async function runAction<A extends OperatorAction>(
  open: InventoryProvider,
  out: Output,
  action: A,
  given: string[],
  options: BulkOptions,
  fields: ActionFields<A>,
): Promise<void> {
  const numbers = given.flatMap(csv);
  const filter = compactFilter(filterFromOptions(options));
  if (options.allMatching && numbers.length) throw new UsageError('give the numbers or --all-matching, not both');
  if (!options.allMatching && Object.keys(filter).length) throw new UsageError('search filters choose numbers only with --all-matching');
  if (!options.allMatching && numbers.length === 0) throw new UsageError('give at least one number, or --all-matching with search filters');
  if (numbers.length === 1 && !options.dryRun) {
    // ActionInput<A> is the fields plus the number; TypeScript cannot see the spread rebuilds it for a generic A.
    out.changed(await open().act(action, { ...fields, number: numbers[0] } as ActionInput<A>));
    return;
  }
  const request = { action, fields, target: options.allMatching ? { filter } : { numbers } };
  const inventory = open();
  if (options.dryRun) {
    out.bulkPreview(await inventory.previewBulk(request));
    return;
  }
  const status = await inventory.bulkFinished((await inventory.startBulk(request)).id);
  out.bulkStatus(status);
  if (status.error) throw new InventoryError(status.error.code, status.error.message);
  if (status.refusals.length) {
    throw new BulkRefused(`${status.refusals.length} of ${status.total} numbers were refused (listed above); ${status.applied} changed.`);
  }
}
