// The activity filter in words, for the export dialog: "Operator: Alice; Action: Lock, Release".
import { actionLabel, type ActivityFilter } from '../../../../shared/activity';
import { formatInstant } from '../../app/format';

export function describeActivityFilter(filter: ActivityFilter): string {
  const parts: string[] = [];
  if (filter.actors?.length) parts.push(`Operator: ${filter.actors.join(', ')}`);
  if (filter.actions?.length) parts.push(`Action: ${filter.actions.map(actionLabel).join(', ')}`);
  if (filter.since) parts.push(`from ${formatInstant(filter.since)}`);
  if (filter.until) parts.push(`until ${formatInstant(filter.until)}`);
  if (filter.pattern) parts.push(`Number: ${filter.pattern}`);
  return parts.length ? parts.join('; ') : 'every event';
}
