// The commands of the number-inventory CLI, each a thin call into the core.
import { type Command, Option } from 'commander';
import { ORGANIZATIONS_CSV_MAX_CHARS } from '../../shared/contract';
import { CAPABILITIES, DELETE_REASONS } from '../../shared/domain';
import type { SearchRequest, SortField } from '../../shared/search';
import { SORT_FIELDS } from '../../shared/search';
import { readUtf8File } from '../core/regular-file';
import type { InventoryProvider } from './main';
import { UsageError } from './main';
import { addBulkOptions, runAction } from './commands-bulk';
import { addFilterOptions, csv, filterFromOptions, listOf } from './filter-options';
import type { Output } from './output';

export function positiveInt(name: string) {
  return (value: string) => {
    if (!/^\d+$/.test(value)) throw new UsageError(`${name} must be a whole number, got "${value}"`);
    return Number(value);
  };
}

const isSortField = (value: string): value is SortField => (SORT_FIELDS as readonly string[]).includes(value);

const SUBSCRIPTION_EVENTS = {
  expired: 'subscription-expired',
  terminated: 'subscription-terminated',
  'swapped-out': 'swapped-out',
} as const;
const isSubscriptionEvent = (word: string | undefined): word is keyof typeof SUBSCRIPTION_EVENTS =>
  word !== undefined && Object.hasOwn(SUBSCRIPTION_EVENTS, word);

export function registerInventoryCommands(program: Command, open: InventoryProvider, out: Output): void {
  program
    .command('add')
    .description('add up to 50 numbers (comma separated) as Available')
    .argument('<numbers...>', 'numbers, comma separated')
    .requiredOption('--vendor <vendor>', 'vendor of the numbers')
    .requiredOption('--country <cc>', 'ISO 3166 alpha-2 country code')
    .requiredOption('--sku <sku>', 'number SKU')
    .option('--capabilities <list>', `comma separated: ${CAPABILITIES.join(',')}`, listOf('--capabilities', CAPABILITIES))
    .option('--routing <routing>', 'routing')
    .option('--golden', 'golden number')
    .option('--ported-in', 'ported-in number')
    .option('--visible-to <domains>', 'comma separated domains')
    .action(async (numbers: string[], o) => {
      const results = await open().add({
        numbers: numbers.join(','),
        vendor: o.vendor,
        country: o.country,
        sku: o.sku,
        capabilities: o.capabilities ?? [],
        routing: o.routing ?? null,
        golden: Boolean(o.golden),
        portedIn: Boolean(o.portedIn),
        visibleTo: o.visibleTo ? csv(o.visibleTo) : [],
      });
      out.addResults(results);
    });

  program
    .command('show')
    .description('show a number with its complete history')
    .argument('<number>')
    .action(async (number: string) => out.detail(await open().show(number)));

  const NUMBERS = ['[numbers...]', 'numbers (space or comma separated); or --all-matching with search filters'] as const;

  addBulkOptions(
    program
      .command('reserve')
      .description('Available -> Reserved (free, manual) for an org')
      .argument(...NUMBERS)
      .requiredOption('--org <uuid>', 'Org UUID of the reserver')
      .requiredOption('--remark <text>', 'remark'),
  ).action((numbers: string[], o) => runAction(open, out, 'reserve', numbers, o, { orgUuid: o.org, remark: o.remark }));

  addBulkOptions(
    program
      .command('extend')
      .description('Extend Reservation: Reserved -> Reserved (charged) until the paid-until date')
      .argument(...NUMBERS)
      .requiredOption('--did-reservation <uuid>', 'DID Reservation UUID')
      .requiredOption('--until <date>', 'paid-until date (YYYY-MM-DD = through that UTC day, or an ISO time)')
      .option('--remark <text>', 'remark'),
    // --did-reservation is extend's own field here, not a search filter.
    ['didReservation'],
  ).action((numbers: string[], o) => {
    const { didReservation, ...filters } = o;
    return runAction(open, out, 'extend', numbers, filters, { didReservationUuid: didReservation, paidUntil: o.until, remark: o.remark });
  });

  for (const [action, description] of [
    ['release', 'Reserved -> Available'],
    ['lock', 'Available -> Locked for the lock period'],
    ['unlock', 'Locked -> Available'],
    ['recover', 'Deleted -> Available'],
  ] as const) {
    addBulkOptions(
      program
        .command(action)
        .description(description)
        .argument(...NUMBERS)
        .requiredOption('--remark <text>', 'remark'),
    ).action((numbers: string[], o) => runAction(open, out, action, numbers, o, { remark: o.remark }));
  }

  addBulkOptions(
    program
      .command('delete')
      .description('Available or Locked -> Deleted')
      .argument(...NUMBERS)
      .addOption(new Option('--reason <reason>', 'why the number leaves the inventory').choices(DELETE_REASONS).makeOptionMandatory())
      .requiredOption('--remark <text>', 'remark'),
  ).action((numbers: string[], o) => runAction(open, out, 'delete', numbers, o, { reason: o.reason, remark: o.remark }));

  // --subscription and --owner are assign's own fields here, not search filters.
  addBulkOptions(
    program
      .command('assign')
      .description('Available (or Reserved for the same org) -> Assigned to a subscription')
      .argument(...NUMBERS)
      .requiredOption('--subscription <uuid>', 'Subscription UUID')
      .requiredOption('--owner <uuid>', 'Owner (org) UUID')
      .option('--remark <text>', 'remark'),
    ['subscription', 'owner'],
  ).action((numbers: string[], o) => {
    const { subscription, owner, ...filters } = o;
    return runAction(open, out, 'assign', numbers, filters, { subscriptionUuid: subscription, ownerUuid: owner, remark: o.remark });
  });

  addBulkOptions(
    program
      .command('subscription')
      .description('record a subscription event: Assigned -> Reserved for the owner')
      .argument('<numbers-and-event...>', 'numbers (or --all-matching), then the event: expired | terminated | swapped-out')
      .option('--at <time>', 'effective time (ISO; default now)')
      .option('--remark <text>', 'remark'),
  ).action((args: string[], o) => {
    // The event comes last, so `subscription <number> <event>` reads as it always has.
    const event = args[args.length - 1];
    if (!isSubscriptionEvent(event)) {
      throw new UsageError(`the last argument must be the event: expired, terminated or swapped-out (got "${event}")`);
    }
    return runAction(open, out, SUBSCRIPTION_EVENTS[event], args.slice(0, -1), o, { at: o.at, remark: o.remark });
  });

  addFilterOptions(program.command('search').description('search the inventory; all filters combine with AND'))
    .option('--page <n>', 'page number, from 1', positiveInt('--page'), 1)
    .option('--page-size <n>', 'rows per page (1-100)', positiveInt('--page-size'), 50)
    .option('--sort <field[:desc]>', `sort by ${SORT_FIELDS.join(', ')}`, 'number')
    .action(async (o) => {
      const filter = filterFromOptions(o);
      const [field, direction] = String(o.sort).split(':');
      if (!isSortField(field)) throw new UsageError(`--sort: unknown field "${field}"; use one of ${SORT_FIELDS.join(', ')}`);
      if (direction !== undefined && direction !== 'desc' && direction !== 'asc')
        throw new UsageError(`--sort: direction must be asc or desc`);
      if (o.page < 1) throw new UsageError('--page starts at 1');
      const request: SearchRequest = {
        filter,
        page: o.page - 1,
        pageSize: o.pageSize,
        sort: { field, direction: direction === 'desc' ? 'desc' : 'asc' },
      };
      out.searchResult(await open().search(request));
    });

  program
    .command('sweep')
    .description('release every reservation and lock whose deadline has passed, and queue every due warning and expiry notice')
    .action(async () => out.swept(await open().sweepReport()));

  const orgs = program.command('orgs').description('the organizations directory');
  orgs
    .command('add')
    .argument('<uuid>')
    .requiredOption('--name <name>', 'organization name')
    .addOption(new Option('--type <type>', 'customer or partner').choices(['customer', 'partner']).makeOptionMandatory())
    .option('--billing-email <email>', 'billing email (customers: receives reservation warnings)')
    .option('--owner-email <email>', 'owner email (partners: receives reservation warnings)')
    .option('--update', 'update the organization if it exists')
    .action(async (uuid: string, o) =>
      out.organization(
        await open().saveOrganization(
          { uuid, name: o.name, type: o.type, billingEmail: o.billingEmail, ownerEmail: o.ownerEmail },
          o.update ? 'upsert' : 'add',
        ),
      ),
    );
  orgs.command('list').action(async () => out.organizations(await open().organizations()));
  orgs
    .command('import')
    .argument('<file>', 'CSV with a header row: uuid,name,type,billing_email,owner_email')
    .action(async (file: string) => {
      // UTF-8 takes at most 3 bytes for each character the import counts; the core checks the characters.
      const text = readUtf8File(file, 3 * ORGANIZATIONS_CSV_MAX_CHARS, 'Organizations CSV');
      out.organizations(await open().importOrganizations(text));
    });
}
