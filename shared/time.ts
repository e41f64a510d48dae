// Reading instants the user types. Date-only and zone-less times are read as UTC, never as the
// machine's local time, so the same input means the same deadline on every desktop.
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;

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
    return { ok: false, reason: `"${input}" is not a date (YYYY-MM-DD) or an ISO 8601 time` };
  }
  const ms = Date.parse(normalized);
  if (Number.isNaN(ms)) return { ok: false, reason: `"${input}" is not a real date` };
  const iso = new Date(ms).toISOString();
  // Date.parse rolls 2026-02-30 over to March; refuse such dates instead of guessing.
  if (iso.slice(0, 10) !== normalized.slice(0, 10) && /Z$/i.test(normalized)) {
    return { ok: false, reason: `"${input}" is not a real date` };
  }
  return { ok: true, iso, dateOnly };
}
