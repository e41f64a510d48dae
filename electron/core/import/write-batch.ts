// Writing one batch of imported numbers, with an `import` audit event each, in one transaction,
// through the same writer as Add (numbers/insert.ts), keeping the file's own created_at /
// updated_at, so an exported inventory loads back unchanged. The import (run-import.ts) talks to
// an ImportTarget: this file's for the inventory file, store/postgres/import-target.ts for a team
// database.
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

/** One valid, new-in-the-file row of a batch. */
export interface ImportLine {
  line: number;
  candidate: ImportCandidate;
}

/** Picks, of a batch, the lines to add, given the rows of its numbers the inventory already holds. */
export type ChooseLines = (existing: ReadonlyMap<string, NumberRow>) => ImportLine[];

export interface ImportTarget {
  /**
   * Looks up the batch's numbers and, unless a dry run, adds the lines `choose` picks, each with
   * its audit event, in one transaction. Answers the numbers added (all those picked on a dry run);
   * one picked but not added was added meanwhile by another client.
   */
  writeBatch(lines: readonly ImportLine[], choose: ChooseLines, audit: ImportAudit, dryRun: boolean): Promise<ReadonlySet<string>>;
}

export class BatchWriter implements ImportTarget {
  constructor(private readonly db: Db) {}

  async writeBatch(lines: readonly ImportLine[], choose: ChooseLines, audit: ImportAudit, dryRun: boolean): Promise<ReadonlySet<string>> {
    const work = () => {
      const existing = new Map<string, NumberRow>();
      for (const { candidate } of lines) {
        const row = this.existing(candidate.number.number);
        if (row) existing.set(row.number, row);
      }
      const chosen = choose(existing);
      if (!dryRun) for (const { candidate, line } of chosen) this.insert(candidate, line, audit);
      return new Set(chosen.map(({ candidate }) => candidate.number.number));
    };
    return dryRun ? work() : this.db.transaction(work).immediate();
  }

  private existing(number: string): NumberRow | undefined {
    return prepared(this.db, `SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE n.number = ?`).get(number) as NumberRow | undefined;
  }

  /** Inserts the candidate; runs inside the caller's transaction. */
  private insert(candidate: ImportCandidate, line: number, audit: ImportAudit): void {
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
}
