// `number-inventory activity`: the activity log, newest first, a page at a time from a cursor, or
// exported to CSV/XLSX like the inventory.
import { type Command, Option } from 'commander';
import { ACTIVITY_ACTIONS, actionLabel, type ActivityCursor, type ActivityFilter, type ActivityPage } from '../../shared/activity';
import { MAX_PAGE_SIZE } from '../../shared/search';
import { formatUtc } from '../../shared/time';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/types';
import { positiveInt } from './commands';
import { exportWithProgress } from './commands-transfer';
import { csv, instant, listOf } from './filter-options';
import type { InventoryProvider } from './main';
import { UsageError } from './main';
import type { Output } from './output';

interface ActivityOptions {
  operator?: string[];
  action?: ActivityFilter['actions'];
  since?: string;
  until?: string;
  pattern?: string;
  pageSize: number;
  after?: ActivityCursor;
  format?: ExportFormat;
  out?: string;
}

/** The cursor the CLI prints for the next page: AT/ID of the page's last event. */
const cursorText = (c: ActivityCursor) => `${c.at}/${c.id}`;

function readCursor(text: string): ActivityCursor {
  const match = /^(.+)\/(\d+)$/.exec(text.trim());
  if (!match) throw new UsageError(`--after takes the cursor a page printed (TIME/ID), got "${text}"`);
  return { at: match[1], id: Number(match[2]) };
}

function pageLines(page: ActivityPage): string[] {
  const lines = page.rows.map((e) =>
    [
      formatUtc(e.at),
      e.actor.padEnd(16),
      actionLabel(e.action).padEnd(24),
      e.number.padEnd(16),
      `${e.from ?? '(new)'} -> ${e.to}`.padEnd(22),
      e.remark ?? '',
      e.batchId ? ` [batch ${e.batchId}]` : '',
    ]
      .join('  ')
      .trimEnd(),
  );
  const total = page.total === null ? 'more than 10,000 events match' : `${page.total} event${page.total === 1 ? '' : 's'} match`;
  if (page.rows.length === 0) return ['no events match'];
  return [...lines, page.next ? `${total}; next page: --after ${cursorText(page.next)}` : total];
}

export function registerActivityCommands(
  program: Command,
  open: InventoryProvider,
  out: Output,
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream },
): void {
  program
    .command('activity')
    .description('the activity log: every change to every number, newest first; all filters combine with AND')
    // Not --actor: that global option names who the command acts as.
    .option('--operator <names>', 'comma separated operator names (any case)', csv)
    .addOption(
      new Option('--action <actions>', `comma separated: ${ACTIVITY_ACTIONS.join(',')}`).argParser(listOf('--action', ACTIVITY_ACTIONS)),
    )
    .option('--since <time>', 'events at or after this time', instant('--since'))
    .option('--until <time>', 'events before this time', instant('--until'))
    .option('--pattern <pattern>', 'number pattern: +65* (wildcard), +65 (prefix), 65 (anywhere)')
    .option('--page-size <n>', `events per page (1-${MAX_PAGE_SIZE})`, positiveInt('--page-size'), 50)
    .option('--after <cursor>', 'the page after this cursor (printed at the end of a page)', readCursor)
    .addOption(new Option('--format <format>', 'export to a file of this format instead of listing').choices(EXPORT_FORMATS))
    .option('--out <file>', 'file to export to (with --format)')
    .action(async (o: ActivityOptions) => {
      const filter: ActivityFilter = { actors: o.operator, actions: o.action, since: o.since, until: o.until, pattern: o.pattern };
      if (Boolean(o.format) !== Boolean(o.out)) throw new UsageError('--format and --out go together: both to export, neither to list');
      if (o.format && o.out) {
        await exportWithProgress(open(), { format: o.format, out: o.out, activity: filter }, 'events', Boolean(program.opts().json), io);
        return;
      }
      if (o.pageSize > MAX_PAGE_SIZE) throw new UsageError(`--page-size must be 1 to ${MAX_PAGE_SIZE}, got ${o.pageSize}`);
      const page = await open().activity({ filter, pageSize: o.pageSize, ...(o.after ? { after: o.after } : {}) });
      out.print(page, () => pageLines(page));
    });
}
