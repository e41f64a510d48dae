// The search filters as command-line options, shared by `search`, `export` and `saved-search save`
// so every command that takes a filter reads it the same way.
import type { Command } from 'commander';
import { Option } from 'commander';
import { CAPABILITIES, NUMBER_STATES } from '../../shared/domain';
import type { SearchFilter } from '../../shared/search';
import { readInstant } from '../../shared/time';
import { UsageError } from './main';

export const csv = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/** A comma list whose every item must be one of `allowed`; anything else is a usage error. */
export function listOf<T extends string>(option: string, allowed: readonly T[]) {
  return (value: string): T[] => {
    const items = csv(value);
    const unknown = items.filter((item) => !(allowed as readonly string[]).includes(item));
    if (unknown.length) throw new UsageError(`${option}: unknown ${unknown.join(', ')}; use ${allowed.join(', ')}`);
    return items as T[];
  };
}

export function instant(option: string) {
  return (value: string): string => {
    const reading = readInstant(value);
    if (!reading.ok) throw new UsageError(`${option}: ${reading.reason}`);
    return reading.iso;
  };
}

export function addFilterOptions(command: Command): Command {
  return command
    .addOption(new Option('--state <states>', `comma separated: ${NUMBER_STATES.join(',')}`).argParser(listOf('--state', NUMBER_STATES)))
    .option('--pattern <pattern>', 'number pattern: +65* (wildcard), +65 (prefix), 65 (anywhere)')
    .option('--sku <skus>', 'comma separated SKUs', csv)
    .option('--vendor <vendors>', 'comma separated vendors', csv)
    .option('--country <codes>', 'comma separated country codes', csv)
    .option(
      '--capability <caps>',
      `comma separated (${CAPABILITIES.join(',')}); a number with any of them matches`,
      listOf('--capability', CAPABILITIES),
    )
    .option('--routing <routings>', 'comma separated routings', csv)
    .option('--golden', 'golden numbers only')
    .option('--ported-in', 'ported-in numbers only')
    .option('--visible-to <domains>', 'comma separated domains', csv)
    .option('--subscription <uuid>', 'Subscription UUID')
    .option('--did-reservation <uuid>', 'DID Reservation UUID (charged reservations held under it)')
    .option('--owner <uuid>', 'Owner UUID (assignee or reserver)')
    .option('--expires-before <time>', 'reservation or lock expiring before this ISO time', instant('--expires-before'))
    .option('--expires-after <time>', 'reservation or lock expiring after this ISO time', instant('--expires-after'));
}

/** The options addFilterOptions declares, as commander parsed them. */
export interface FilterOptions {
  state?: SearchFilter['states'];
  pattern?: string;
  sku?: string[];
  vendor?: string[];
  country?: string[];
  capability?: SearchFilter['capabilities'];
  routing?: string[];
  golden?: boolean;
  portedIn?: boolean;
  visibleTo?: string[];
  subscription?: string;
  didReservation?: string;
  owner?: string;
  expiresBefore?: string;
  expiresAfter?: string;
}

export function filterFromOptions(o: FilterOptions): SearchFilter {
  return {
    states: o.state,
    pattern: o.pattern,
    skus: o.sku,
    vendors: o.vendor,
    countries: o.country,
    capabilities: o.capability,
    routings: o.routing,
    golden: o.golden ? true : undefined,
    portedIn: o.portedIn ? true : undefined,
    visibleTo: o.visibleTo,
    subscriptionUuid: o.subscription,
    didReservationUuid: o.didReservation,
    ownerUuid: o.owner,
    expiresBefore: o.expiresBefore,
    expiresAfter: o.expiresAfter,
  };
}
