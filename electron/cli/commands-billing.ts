// CLI commands for events from billing: one subscription or DID Reservation event, or a feed file.
import { Command, Option } from 'commander';
import {
  DID_RESERVATION_EVENT_NAMES,
  SUBSCRIPTION_EVENT_NAMES,
  type BillingEventReport,
  type BillingFeedReport,
  type BillingNumberResult,
  type DidReservationEventName,
  type SubscriptionEventName,
} from '../../shared/billing';
import type { InventoryProvider } from './main';
import type { Output } from './output';

function resultLine(r: BillingNumberResult): string {
  const move = r.outcome === 'changed' ? `${r.from} -> ${r.to}${r.expiresAt ? ` until ${r.expiresAt}` : ''}` : r.outcome;
  return `${r.number}: ${move}${r.reason ? `  (${r.reason})` : ''}`;
}

function reportLines(report: BillingEventReport): string[] {
  if (report.unmatched) return [report.unmatched];
  const changed = report.results.filter((r) => r.outcome === 'changed').length;
  return [
    ...report.results.map(resultLine),
    `${report.dryRun ? 'dry run: would change' : 'changed'} ${changed} of ${report.results.length} number${report.results.length === 1 ? '' : 's'}`,
  ];
}

function feedLines(report: BillingFeedReport): string[] {
  const lines: string[] = [];
  for (const row of report.results) {
    if (row.status === 'invalid' || row.status === 'unmatched') lines.push(`line ${row.line}: ${row.status.padEnd(9)} ${row.reason ?? ''}`);
    else for (const r of row.report?.results ?? []) lines.push(`line ${row.line}: ${resultLine(r)}`);
  }
  if (report.resultsTruncated) lines.push('(more rows not listed; the counts below are complete)');
  const c = report.counts;
  const o = report.outcomes;
  lines.push(
    `${report.dryRun ? 'dry run' : 'applied'}: ${report.rows} rows: ${c.applied} applied, ${c.unchanged} unchanged, ${c.unmatched} unmatched, ${c.invalid} invalid; ` +
      `numbers: ${o.changed} changed, ${o['already-applied']} already applied, ${o.stale} stale, ${o.refused} refused`,
  );
  return lines;
}

export function registerBillingCommands(program: Command, open: InventoryProvider, out: Output, stderr: NodeJS.WritableStream): void {
  program
    .command('subscription-event')
    .description('apply a subscription event from billing to every number assigned to the subscription (swapped-out: --number only)')
    .argument('<subscription-uuid>')
    .addArgument(new Command().createArgument('<event>', SUBSCRIPTION_EVENT_NAMES.join(' | ')).choices(SUBSCRIPTION_EVENT_NAMES))
    .option('--at <time>', 'effective time (ISO; default now)')
    .option('--number <number>', 'swapped-out: the number leaving the subscription; expired/terminated: only this number')
    .option('--remark <text>', 'remark')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (subscriptionUuid: string, event: SubscriptionEventName, o) => {
      const report = await open().recordBillingEvent({
        event: { kind: 'subscription', subscriptionUuid, event, at: o.at, number: o.number, remark: o.remark },
        dryRun: Boolean(o.dryRun),
      });
      out.print(report, () => reportLines(report));
    });

  program
    .command('did-reservation')
    .description('apply a DID Reservation event from billing to every charged reservation held under it')
    .argument('<did-reservation-uuid>')
    .addArgument(new Command().createArgument('<event>', DID_RESERVATION_EVENT_NAMES.join(' | ')).choices(DID_RESERVATION_EVENT_NAMES))
    .option('--until <date>', 'renewed: the new paid-until date (YYYY-MM-DD = through that UTC day, or an ISO time)')
    .option('--at <time>', 'effective time (ISO; default now)')
    .option('--remark <text>', 'remark')
    .option('--dry-run', 'report what would change, write nothing')
    .action(async (didReservationUuid: string, event: DidReservationEventName, o) => {
      const report = await open().recordBillingEvent({
        event: { kind: 'did-reservation', didReservationUuid, event, at: o.at, until: o.until, remark: o.remark },
        dryRun: Boolean(o.dryRun),
      });
      out.print(report, () => reportLines(report));
    });

  program
    .command('subscription-events')
    .description('apply a billing feed (CSV or JSON Lines) row by row; --dry-run reports per row and writes nothing')
    .argument('<file>', 'CSV or JSON Lines: subscription_uuid or did_reservation_uuid, event, effective_at, number, until')
    .addOption(new Option('--dry-run', 'report per row what would change, write nothing'))
    .action(async (file: string, o: { dryRun?: boolean }) => {
      let lastReport = 0;
      const report = await open().importBillingFeed({ file, dryRun: Boolean(o.dryRun) }, (p) => {
        const now = Date.now();
        if (now - lastReport < 250) return;
        lastReport = now;
        stderr.write(`${o.dryRun ? 'checked' : 'applied'} ${p.rows} rows${p.total !== null ? ` of ${p.total}` : ''}\n`);
      });
      out.print(report, () => feedLines(report));
    });
}
