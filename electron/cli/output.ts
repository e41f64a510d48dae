// Printing results: one JSON document with --json, readable lines otherwise.
import type { BulkPreview, BulkStatus } from '../../shared/bulk';
import type { AddResult, ExpiredRelease, NumberDetail, NumberRecord, Organization } from '../../shared/domain';
import type { NoticeSummary } from '../../shared/notifications';
import type { SearchResult } from '../../shared/search';

export class Output {
  constructor(
    private readonly stdout: NodeJS.WritableStream,
    private readonly stderr: NodeJS.WritableStream,
    private readonly json: () => boolean,
  ) {}

  private line(text = ''): void {
    this.stdout.write(`${text}\n`);
  }

  private document(value: unknown): void {
    this.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  }

  error(code: string, message: string): void {
    if (this.json()) this.document({ error: { code, message } });
    else this.stderr.write(`error: ${message}\n`);
  }

  detail(detail: NumberDetail): void {
    if (this.json()) return this.document(detail);
    this.line(`${detail.number}  ${detail.state}`);
    const fields: [string, unknown][] = [
      ['country', detail.country],
      ['vendor', detail.vendor],
      ['sku', detail.sku],
      ['capabilities', detail.capabilities.join(', ') || '-'],
      ['routing', detail.routing],
      ['golden', detail.golden ? 'yes' : 'no'],
      ['ported-in', detail.portedIn ? 'yes' : 'no'],
      ['visible to', detail.visibleTo.join(', ') || '-'],
      ['owner', detail.ownerUuid],
      ['subscription', detail.subscriptionUuid],
      ['reserved for', detail.reservation?.orgUuid],
      ['reservation', detail.reservation ? `${detail.reservation.kind} (${detail.reservation.origin})` : null],
      ['DID reservation', detail.reservation?.didReservationUuid],
      ['expires', detail.expiresAt ?? (detail.state === 'locked' ? 'never (permanent lock)' : null)],
      ['deleted reason', detail.deletedReason],
      ['version', detail.version],
    ];
    for (const [label, value] of fields) if (value !== null && value !== undefined) this.line(`  ${label.padEnd(16)} ${value}`);
    this.line('  history:');
    for (const e of detail.history) {
      const move = e.from ? `${e.from} -> ${e.to}` : `-> ${e.to}`;
      this.line(`    ${e.at}  ${e.action.padEnd(24)} ${move.padEnd(24)} by ${e.actor}${e.remark ? `: ${e.remark}` : ''}`);
    }
  }

  changed(detail: NumberDetail): void {
    if (this.json()) return this.document(detail);
    const last = detail.history[detail.history.length - 1];
    const expiry = detail.expiresAt ? ` until ${detail.expiresAt}` : '';
    this.line(`${detail.number}: ${last ? `${last.from} -> ${last.to}` : detail.state}${expiry}`);
  }

  /** A bulk dry run: each number's outcome, then the counts. */
  bulkPreview(preview: BulkPreview): void {
    if (this.json()) return this.document(preview);
    for (const r of preview.rows) {
      this.line(r.outcome === 'apply' ? `${r.number}: will ${preview.action} (${r.state})` : `${r.number}: refused: ${r.refusal?.message}`);
    }
    this.line(`dry run: ${preview.willApply} would change, ${preview.refused} refused; nothing was changed`);
  }

  /** A bulk action as it ended: the refused numbers with their reasons, then the counts and the batch id. */
  bulkStatus(status: BulkStatus): void {
    if (this.json()) return this.document(status);
    for (const r of status.refusals) this.line(`${r.number}: refused: ${r.message}`);
    this.line(
      `${status.applied} of ${status.total} changed by ${status.action} (batch ${status.batchId})${status.state === 'finished' ? '' : `, ${status.state}`}`,
    );
  }

  addResults(results: AddResult[]): void {
    if (this.json()) return this.document(results);
    for (const r of results) {
      const what = {
        added: `added ${r.number}`,
        invalid: `invalid "${r.input}": ${r.reason}`,
        exists: `already in the inventory: ${r.number} (${r.state})`,
        repeated: `repeated in the input: ${r.number}`,
      }[r.status];
      this.line(what);
    }
    const added = results.filter((r) => r.status === 'added').length;
    this.line(`${added} of ${results.length} added`);
  }

  searchResult(result: SearchResult<NumberRecord>): void {
    if (this.json()) return this.document(result);
    for (const r of result.rows) {
      this.line([r.number.padEnd(16), r.state.padEnd(9), r.country, r.vendor.padEnd(12), r.sku.padEnd(12), r.expiresAt ?? ''].join('  '));
    }
    const first = result.page * result.pageSize;
    this.line(result.total === 0 ? 'no numbers match' : `${first + 1}-${first + result.rows.length} of ${result.total}`);
  }

  /** A result of the ops commands (settings, outbox): its JSON document, or its readable lines. */
  print(document: unknown, lines: () => string[]): void {
    if (this.json()) return this.document(document);
    for (const text of lines()) this.line(text);
  }

  /** The sweep: what it released and the notices it queued. */
  swept(report: { released: ExpiredRelease[]; notified: NoticeSummary[] }): void {
    if (this.json()) return this.document({ released: report.released, notified: report.notified });
    for (const r of report.released) this.line(`released ${r.number} (${r.from}, due ${r.expiredAt})`);
    for (const n of report.notified) {
      const to = n.emails.map((e) => (e.recipient ? `${e.recipient}` : `no recipient (${e.role})`)).join(', ');
      this.line(`notice ${n.kind} ${n.number} (deadline ${n.deadline})${to ? ` -> ${to}` : ''}`);
    }
    this.line(`${report.released.length} released, ${report.notified.length} notice${report.notified.length === 1 ? '' : 's'} queued`);
  }

  released(released: ExpiredRelease[]): void {
    if (this.json()) return this.document({ released });
    for (const r of released) this.line(`released ${r.number} (${r.from}, due ${r.expiredAt})`);
    this.line(`${released.length} released`);
  }

  organizations(orgs: Organization[]): void {
    if (this.json()) return this.document(orgs);
    for (const o of orgs) {
      this.line([o.uuid, o.type.padEnd(8), o.name, o.billingEmail ?? '-', o.ownerEmail ?? '-'].join('  '));
    }
    if (orgs.length === 0) this.line('no organizations');
  }

  organization(org: Organization): void {
    if (this.json()) return this.document(org);
    this.line(`saved ${org.uuid} ${org.name} (${org.type})`);
  }
}
