// Writing one batch of imported numbers, with an `import` audit event each, in one transaction,
// through the same writer as Add (numbers/insert.ts), keeping the file's own created_at /
// updated_at, so an exported inventory loads back unchanged.
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';
import { insertNumber } from '../numbers/insert';
import { NUMBER_COLUMNS, type NumberRow } from '../numbers/rows';
import type { ImportCandidate } from './validate-row';

export interface ImportAudit {
  at: string;
  actor: string;
  file: string;
}

export class BatchWriter {
  constructor(private readonly db: Db) {}

  existing(number: string): NumberRow | undefined {
    return prepared(this.db, `SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE n.number = ?`).get(number) as NumberRow | undefined;
  }

  /** Inserts the candidate; runs inside the caller's transaction. */
  insert(candidate: ImportCandidate, line: number, audit: ImportAudit): void {
    insertNumber(
      this.db,
      candidate.number,
      candidate.fields,
      { createdAt: candidate.createdAt, updatedAt: candidate.updatedAt },
      {
        at: audit.at,
        actor: audit.actor,
        action: 'import',
        remark: `imported from ${audit.file}`,
        details: { file: audit.file, line },
      },
    );
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
