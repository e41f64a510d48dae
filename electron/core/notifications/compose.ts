// The text of each email: plain text that names the number, its state, the deadline and what to do.
import type { HoldNoticeKind } from '../../../shared/notifications';
import { DAY_MS } from '../../../shared/settings';
import { formatUtc } from '../../../shared/time';

export interface NoticeFacts {
  number: string;
  kind: HoldNoticeKind;
  deadline: string;
  /** When the notice is recorded; the warning says how long is left from here. */
  now: string;
  orgName: string | null;
  orgUuid: string | null;
  reservationKind: string | null;
  operatorName: string;
}

export interface ComposedEmail {
  subject: string;
  body: string;
}

function timeLeft(now: string, deadline: string): string {
  const days = Math.max(0, (Date.parse(deadline) - Date.parse(now)) / DAY_MS);
  if (days >= 1) {
    const whole = Math.round(days);
    return `in ${whole} day${whole === 1 ? '' : 's'}`;
  }
  const hours = Math.max(1, Math.round(days * 24));
  return `in ${hours} hour${hours === 1 ? '' : 's'}`;
}

export function composeEmail(f: NoticeFacts): ComposedEmail {
  const when = formatUtc(f.deadline);
  const reserver = f.orgName ? `${f.orgName} (${f.orgUuid})` : (f.orgUuid ?? 'an unknown organization');
  const signature = `-- \n${f.operatorName ? `${f.operatorName}, ` : ''}Number Inventory`;
  const lines = (...body: string[]) => [...body, '', signature, ''].join('\n');
  switch (f.kind) {
    case 'reservation-warning':
      return {
        subject: `Reservation of ${f.number} expires on ${when}`,
        body: lines(
          'Hello,',
          '',
          `The phone number ${f.number} is reserved for ${reserver} until ${when} (${timeLeft(f.now, f.deadline)}).`,
          '',
          `Number:   ${f.number}`,
          `State:    Reserved${f.reservationKind ? ` (${f.reservationKind} reservation)` : ''}`,
          `Deadline: ${f.deadline}`,
          '',
          'Action to take: to keep this number, purchase a DID Reservation subscription and have the reservation extended before the deadline.',
          'Otherwise the number is released to the inventory at the deadline and may be given to someone else.',
        ),
      };
    case 'lock-warning':
      return {
        subject: `Lock on ${f.number} expires on ${when}`,
        body: lines(
          'Hello support,',
          '',
          `The locked phone number ${f.number} will be released to the inventory on ${when} (${timeLeft(f.now, f.deadline)}).`,
          '',
          `Number:   ${f.number}`,
          'State:    Locked',
          `Deadline: ${f.deadline}`,
          '',
          'Action to take: if the number must stay out of use, act on it before the deadline (for example delete it, or lock it again once released).',
          'Otherwise no action is needed: it becomes Available at the deadline.',
        ),
      };
    case 'lock-expired':
      return {
        subject: `Lock on ${f.number} expired: released to the inventory`,
        body: lines(
          'Hello support,',
          '',
          `The lock on ${f.number} expired on ${when} and the number has been released to the inventory.`,
          '',
          `Number:   ${f.number}`,
          'State:    Available (was Locked)',
          `Deadline: ${f.deadline}`,
          '',
          'Action to take: none if this is intended. If the number must stay out of use, lock it again now.',
        ),
      };
    case 'reservation-expired':
      return {
        subject: `Reservation of ${f.number} expired: released to the inventory`,
        body: lines(
          `The reservation of ${f.number} for ${reserver} expired on ${when}; the number is Available again.`,
          '',
          `Number:   ${f.number}`,
          'State:    Available (was Reserved)',
          `Deadline: ${f.deadline}`,
          '',
          'Action to take: none.',
        ),
      };
  }
}
