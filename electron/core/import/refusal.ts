// How the import refuses a file: one typed error, naming the file and what is wrong with it.
import { InventoryError } from '../../../shared/errors';

export const refuseImport = (file: string, why: string): InventoryError =>
  new InventoryError('INVALID_INPUT', `Import: ${file} is refused: ${why}`);

export { NOT_UTF8_TEXT } from '../../../shared/transfer';

export const tooManyRows = (file: string, maxRows: number): InventoryError => refuseImport(file, `it has more than ${maxRows} rows`);
