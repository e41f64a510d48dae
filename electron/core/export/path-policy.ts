// Where an export may write. The path of `export:start` comes from the page, which must not be able
// to choose any file on the machine (as root it could write /etc/shadow.csv): each way of running
// the inventory says where its exports may go, when it opens it.
//   - The CLI writes where its user asked (anyFolder).
//   - Browser mode accepts a typed path only inside the user's home folder (insideFolder).
//   - The desktop app accepts only files chosen in the system's Save dialog, which the main
//     process shows and records (ChosenExportFiles); never a path the page sends.
// Every policy also requires the name to end in the format's extension (see ExportJobs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InventoryError } from '../../../shared/errors';
import type { ExportFormat } from './types';

export interface ExportPathPolicy {
  /** Whether the user may type the file (else it is chosen in a save dialog). */
  readonly typedPaths: boolean;
  /** The absolute path to write for `out`, or a refusal saying why it may not be written. */
  check(out: string): string;
}

/** The CLI: any file its user names. */
export const anyFolder: ExportPathPolicy = { typedPaths: true, check: (out) => path.resolve(out) };

const isInside = (folder: string, target: string) =>
  target === folder || target.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep);

/**
 * Browser mode: only inside `root` (the home folder), judged on real paths, so neither `..` nor a
 * link inside the folder pointing out of it escapes. The file itself is never written through: the
 * export renames its own temporary file over the name.
 */
export function insideFolder(root: string): ExportPathPolicy {
  return {
    typedPaths: true,
    check(out) {
      const target = path.resolve(out);
      let folder: string;
      let realRoot: string;
      try {
        folder = fs.realpathSync(path.dirname(target));
        realRoot = fs.realpathSync(root);
      } catch {
        throw new InventoryError('INVALID_INPUT', `Export: the folder ${path.dirname(target)} does not exist`);
      }
      if (!isInside(realRoot, folder)) {
        throw new InventoryError(
          'INVALID_INPUT',
          `Export: ${target} is outside your home folder (${root}); exports are written only inside it`,
        );
      }
      return path.join(folder, path.basename(target));
    },
  };
}

/** The desktop app: exactly the files chosen in the Save dialog during this session. */
export class ChosenExportFiles implements ExportPathPolicy {
  readonly typedPaths = false;
  private readonly chosen = new Set<string>();

  /** Called by the main process with the file the user chose in the Save dialog. */
  allow(file: string): void {
    this.chosen.add(path.resolve(file));
  }

  check(out: string): string {
    const target = path.resolve(out);
    if (!this.chosen.has(target)) {
      throw new InventoryError(
        'INVALID_INPUT',
        'Export: choose the file with "Choose file…" (the Save dialog); a typed path is not accepted here',
      );
    }
    return target;
  }
}

/** Where to offer saving an export when there is no save dialog: Downloads (else home), a safe file name. */
export function suggestedExportPath(suggestedName: string, format: ExportFormat): string {
  const home = os.homedir();
  const downloads = path.join(home, 'Downloads');
  const folder = fs.existsSync(downloads) ? downloads : home;
  const base =
    path
      .basename(suggestedName)
      .replace(/[^\w.-]+/g, '-')
      .replace(/\.(csv|xlsx)$/i, '') || 'numbers';
  return path.join(folder, `${base}.${format}`);
}
