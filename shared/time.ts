// Reading instants the user types, and writing them. Date-only and zone-less times are read as
// UTC, never as the machine's local time, so the same input means the same deadline on every
// desktop; every instant is shown in UTC, the zone deadlines are stored in.
import { DAY_MS } from './settings';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The span of instants the inventory accepts: nothing it records happened before 1970, and past
 * the year 9999 an ISO 8601 time needs more than four digits for the year (and compares wrongly as text).
 */
const EARLIEST = Date.UTC(1970, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export type InstantReading = { ok: true; iso: string; dateOnly: boolean } | { ok: false; reason: string };

export function readInstant(text: string): InstantReading {
  const input = text.trim();
  let normalized: string;
  let dateOnly = false;
  if (DATE_ONLY.test(input)) {
    normalized = `${input}T00:00:00Z`;
    dateOnly = true;
  } else if (DATE_TIME.test(input)) {
    normalized = input.replace(' ', 'T');
    if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(normalized)) normalized += 'Z';
  } else {
    return { ok: false, reason: `"${input.slice(0, 60)}" is not a date (YYYY-MM-DD) or an ISO 8601 time` };
  }
  const ms = Date.parse(normalized);
  if (Number.isNaN(ms)) return { ok: false, reason: `"${input}" is not a real date` };
  // Date.parse rolls 2026-02-30 over to March (whatever the zone); refuse such dates instead of guessing.
  if (!isCalendarDate(input.slice(0, 10))) return { ok: false, reason: `"${input}" is not a real date` };
  if (ms < EARLIEST) return { ok: false, reason: `"${input}" is before 1970, earlier than anything the inventory records` };
  if (ms > LATEST) return { ok: false, reason: `"${input}" is after the year 9999` };
  // A date alone must leave room for the end of its day (paid through 9999-12-31 would end in 10000).
  if (dateOnly && ms + DAY_MS > LATEST) return { ok: false, reason: `"${input}" is too far in the future` };
  return { ok: true, iso: new Date(ms).toISOString(), dateOnly };
}

/** YYYY-MM-DD names a day that exists (2028-02-29 does, 2026-02-29 and 2026-04-31 do not). */
function isCalendarDate(ymd: string): boolean {
  const [year, month, day] = ymd.split('-').map(Number);
  // Leap years repeat every 400 years; shifting keeps Date.UTC away from its 0-99 => 1900s rule.
  const daysInMonth = new Date(Date.UTC(2000 + (year % 400), month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/** An ISO instant as every screen, email and message writes it: "2026-03-30 09:00 UTC". */
export function formatUtc(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const text = new Date(ms).toISOString();
  return `${text.slice(0, 10)} ${text.slice(11, 16)} UTC`;
}
