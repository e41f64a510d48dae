// How the import refuses a file: one typed error, naming the file and what is wrong with it.
import { InventoryError } from '../../../shared/errors';

export const refuseImport = (file: string, why: string): InventoryError =>
  new InventoryError('INVALID_INPUT', `Import: ${file} is refused: ${why}`);

/** Why a file whose bytes are not UTF-8 is refused, and what the user can do about it. */
export const NOT_UTF8_TEXT = 'the file is not UTF-8 text (save it as CSV UTF-8)';

export const tooManyRows = (file: string, maxRows: number): InventoryError => refuseImport(file, `it has more than ${maxRows} rows`);
