import type { ImportRowStatus } from '../../../../shared/transfer';

/** Each dry-run result as the import dialog names it. */
export const IMPORT_RESULT_LABELS: Record<ImportRowStatus, string> = {
  add: 'To add',
  invalid: 'Invalid',
  duplicate: 'Duplicate',
  conflicting: 'Conflicting',
};
