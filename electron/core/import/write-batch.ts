// Writing one batch of imported numbers, with an `import` audit event each, in one transaction.
// Same columns as numbers/insert.ts's insertNumber, but with statements prepared once per import
// (a million rows would otherwise prepare three million statements) and the file's own
// created_at / updated_at kept, so an exported inventory loads back unchanged.
import type { Db } from '../db/connection';
import { NUMBER_COLUMNS, type NumberRow } from '../numbers/rows';
import type { ImportCandidate } from './validate-row';

export interface ImportAudit {
  at: string;
  actor: string;
  file: string;
}

export class BatchWriter {
  private readonly insertNumber;
  private readonly insertVisibility;
  private readonly insertEvent;
  readonly findExisting;

  constructor(private readonly db: Db) {
    this.insertNumber = db.prepare(
      `INSERT INTO numbers (number, country, vendor, sku, cap_voice, cap_fax, cap_sms, routing, golden, ported_in, state,
         owner_uuid, subscription_uuid, reservation_kind, reservation_origin, reservation_org_uuid, did_reservation_uuid,
         expires_at, deleted_reason, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertVisibility = db.prepare('INSERT OR IGNORE INTO number_visibility (number_id, domain) VALUES (?, ?)');
    this.insertEvent = db.prepare(
      `INSERT INTO events (number_id, at, actor, action, from_state, to_state, remark, details) VALUES (?, ?, ?, 'import', NULL, ?, ?, ?)`,
    );
    this.findExisting = db.prepare(`SELECT ${NUMBER_COLUMNS} FROM numbers n WHERE n.number = ?`);
  }

  existing(number: string): NumberRow | undefined {
    return this.findExisting.get(number) as NumberRow | undefined;
  }

  /** Inserts the candidates that are still new; runs inside the caller's transaction. */
  insert(candidate: ImportCandidate, line: number, audit: ImportAudit): void {
    const { number: n, fields: f } = candidate;
    const caps = new Set(n.capabilities);
    const { lastInsertRowid } = this.insertNumber.run(
      n.number,
      n.country,
      n.vendor,
      n.sku,
      caps.has('voice') ? 1 : 0,
      caps.has('fax') ? 1 : 0,
      caps.has('sms') ? 1 : 0,
      n.routing,
      n.golden ? 1 : 0,
      n.portedIn ? 1 : 0,
      f.state,
      f.owner_uuid,
      f.subscription_uuid,
      f.reservation_kind,
      f.reservation_origin,
      f.reservation_org_uuid,
      f.did_reservation_uuid,
      f.expires_at,
      f.deleted_reason,
      candidate.createdAt,
      candidate.updatedAt,
    );
    for (const domain of n.visibleTo) this.insertVisibility.run(lastInsertRowid, domain);
    this.insertEvent.run(
      lastInsertRowid,
      audit.at,
      audit.actor,
      f.state,
      `imported from ${audit.file}`,
      JSON.stringify({ file: audit.file, line }),
    );
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }
}
