// Reading an import from its source (shared/import-source.ts): a path, if the way the inventory
// runs accepts it, or a file the page uploaded, which the import's own file readers (limits,
// encoding checks, streaming) read as they read any file.
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import type { ParsedImportSource } from '../../../shared/import-source';
import type { ImportUploads } from './uploads';

/** Which paths an import source may name: every way of running the inventory says, as for exports. */
export interface ImportPathPolicy {
  /** The absolute path to read, or a refusal saying why it may not be read. */
  check(file: string): string;
}

/** The CLI and tests: any file. */
export const anyImportPath: ImportPathPolicy = { check: (file) => path.resolve(file) };

/** Browser mode: the page uploads the file's content; it never names a path on this machine. */
export const uploadsOnly: ImportPathPolicy = {
  check() {
    throw new InventoryError(
      'INVALID_INPUT',
      'Import: choose the file in the page (it is uploaded); a path on this computer is not accepted here',
    );
  },
};

/** The desktop app: exactly the files chosen in the Open dialog during this session. */
export class ChosenImportFiles implements ImportPathPolicy {
  private readonly chosen = new Set<string>();

  allow(file: string): void {
    this.chosen.add(path.resolve(file));
  }

  check(file: string): string {
    const target = path.resolve(file);
    if (!this.chosen.has(target))
      throw new InventoryError('INVALID_INPUT', 'Import: choose the file with "Choose file…" (the Open dialog)');
    return target;
  }
}

/**
 * Runs `use` on the source's file: a path the way the inventory runs accepts, or one of its
 * uploads. An upload's messages name the file as the operator chose it, not where it is kept.
 */
export async function withImportSource<T>(
  source: ParsedImportSource,
  policy: ImportPathPolicy,
  uploads: ImportUploads,
  use: (file: string, name: string) => Promise<T>,
): Promise<T> {
  if (source.kind === 'path') {
    const file = policy.check(source.path);
    return use(file, path.basename(file));
  }
  const { file, name } = uploads.fileOf(source.uploadId);
  try {
    return await use(file, name);
  } catch (error) {
    if (error instanceof InventoryError && error.message.includes(file))
      throw new InventoryError(error.code, error.message.split(file).join(name));
    throw error;
  }
}
