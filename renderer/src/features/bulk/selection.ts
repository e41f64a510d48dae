// What the grid's checkboxes chose: numbers one by one (across pages), or every number the tab's
// search matches ("select all N matching"), which the core resolves from the filter itself.
import type { BulkRequest } from '../../../../shared/bulk';
import type { SearchFilter } from '../../../../shared/search';

export type BulkSelection = { kind: 'numbers'; numbers: string[] } | { kind: 'matching'; filter: SearchFilter; count: number };

export const NOTHING_SELECTED: BulkSelection = { kind: 'numbers', numbers: [] };

export function selectedCount(selection: BulkSelection): number {
  return selection.kind === 'numbers' ? selection.numbers.length : selection.count;
}

export function targetOf(selection: BulkSelection): BulkRequest['target'] {
  return selection.kind === 'numbers' ? { numbers: selection.numbers } : { filter: selection.filter };
}
