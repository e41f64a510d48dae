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

/** New each time: an option belongs to one command. */
const filterOptions = () => [
  new Option('--state <states>', `comma separated: ${NUMBER_STATES.join(',')}`).argParser(listOf('--state', NUMBER_STATES)),
  new Option('--pattern <pattern>', 'number pattern: +65* (wildcard), +65 (prefix), 65 (anywhere)'),
  new Option('--sku <skus>', 'comma separated SKUs').argParser(csv),
  new Option('--vendor <vendors>', 'comma separated vendors').argParser(csv),
  new Option('--country <codes>', 'comma separated country codes').argParser(csv),
  new Option('--capability <caps>', `comma separated (${CAPABILITIES.join(',')}); a number with any of them matches`).argParser(
    listOf('--capability', CAPABILITIES),
  ),
  new Option('--routing <routings>', 'comma separated routings').argParser(csv),
  new Option('--golden', 'golden numbers only'),
  new Option('--ported-in', 'ported-in numbers only'),
  new Option('--visible-to <domains>', 'comma separated domains').argParser(csv),
  new Option('--subscription <uuid>', 'Subscription UUID'),
  new Option('--did-reservation <uuid>', 'DID Reservation UUID (charged reservations held under it)'),
  new Option('--owner <uuid>', 'Owner UUID (assignee or reserver)'),
  new Option('--expires-before <time>', 'reservation or lock expiring before this ISO time').argParser(instant('--expires-before')),
  new Option('--expires-after <time>', 'reservation or lock expiring after this ISO time').argParser(instant('--expires-after')),
];

/** A filter option by its long name, for a command whose own option of that name means something else. */
export type FilterOption = 'subscription' | 'didReservation' | 'owner';

/** Adds the search filters; `except` leaves out those the command already uses for its own fields (assign's --owner). */
export function addFilterOptions(command: Command, except: readonly FilterOption[] = []): Command {
  for (const option of filterOptions()) {
    if (!(except as readonly string[]).includes(option.attributeName())) command.addOption(option);
  }
  return command;
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
