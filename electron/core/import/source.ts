// Reading an import from its source (shared/import-source.ts): a path, if the way the inventory
// runs accepts it, or uploaded content, written to a private temporary file so the import's own
// file readers (limits, encoding checks, streaming) read it as they read any file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import type { ParsedImportSource } from '../../../shared/import-source';

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
    throw new InventoryError('INVALID_INPUT', 'Import: upload the file (choose it in the page); a path is not accepted here');
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

/** Runs `use` on the source's file and the name to report it by; an upload's temporary file is removed after. */
export async function withImportSource<T>(
  source: ParsedImportSource,
  policy: ImportPathPolicy,
  use: (file: string, name: string) => Promise<T>,
): Promise<T> {
  if (source.kind === 'path') {
    const file = policy.check(source.path);
    return use(file, path.basename(file));
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'number-inventory-upload-'));
  try {
    // A name of our own: the uploaded name is only reported, never a path.
    const file = path.join(folder, 'upload');
    fs.writeFileSync(file, Buffer.from(source.content, source.encoding), { flag: 'wx', mode: 0o600 });
    return await use(file, path.basename(source.name));
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}
