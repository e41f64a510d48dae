// Reading the instants operators type (paid-until dates, effective times, NUMBER_INVENTORY_NOW).
import { describe, expect, it } from 'vitest';
import { formatUtc, readInstant } from '../../shared/time';

describe('readInstant', () => {
  const accepted: [string, string, boolean][] = [
    ['2026-03-31', '2026-03-31T00:00:00.000Z', true],
    [' 2028-02-29 ', '2028-02-29T00:00:00.000Z', true],
    ['2026-03-31T12:30', '2026-03-31T12:30:00.000Z', false],
    ['2026-03-31 12:30:15', '2026-03-31T12:30:15.000Z', false],
    ['2026-03-31T12:00:00+08:00', '2026-03-31T04:00:00.000Z', false],
    ['2026-03-31T12:00:00+0800', '2026-03-31T04:00:00.000Z', false],
    ['2026-01-01T00:30:00+01:00', '2025-12-31T23:30:00.000Z', false],
    ['2026-03-31t12:00:00.250z', '2026-03-31T12:00:00.250Z', false],
  ];
  for (const [text, iso, dateOnly] of accepted) {
    it(`reads ${JSON.stringify(text)} as ${iso} (UTC, never local time)`, () => {
      expect(readInstant(text)).toEqual({ ok: true, iso, dateOnly });
    });
  }

  const refused = [
    'tomorrow',
    '31/03/2026',
    '2026-3-31',
    '2026-02-29',
    '2026-02-30',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-02-30T10:00:00Z',
    // A zone offset must not let an impossible date roll over into the next month.
    '2026-02-30T10:00:00+01:00',
    '2026-04-31T00:30:00-02:00',
    '2026-03-31T25:00:00Z',
    '2026-03-31T12:61:00Z',
    '',
  ];
  for (const text of refused) {
    it(`refuses ${JSON.stringify(text)}, quoting it`, () => {
      const reading = readInstant(text);
      expect(reading.ok).toBe(false);
      if (!reading.ok) expect(reading.reason).toContain(`"${text.trim()}"`);
    });
  }
});

describe('readInstant bounds', () => {
  it('accepts 1970-01-01 and 9999-12-31T23:59Z, the ends of what the inventory records', () => {
    expect(readInstant('1970-01-01')).toEqual({ ok: true, iso: '1970-01-01T00:00:00.000Z', dateOnly: true });
    expect(readInstant('9999-12-31T23:59:59Z')).toEqual({ ok: true, iso: '9999-12-31T23:59:59.000Z', dateOnly: false });
  });

  it.each([
    ['0000-01-01', 'is before 1970'],
    ['1969-12-31T23:59:59Z', 'is before 1970'],
    ['1970-01-01T00:30:00+01:00', 'is before 1970'],
    ['9999-12-31T23:30:00-01:00', 'is after the year 9999'],
    ['9999-12-31', 'is too far in the future'],
  ])('refuses %j: %s', (text, reason) => {
    expect(readInstant(text)).toEqual({
      ok: false,
      reason: `"${text}" ${reason}${reason === 'is before 1970' ? ', earlier than anything the inventory records' : ''}`,
    });
  });
});

describe('formatUtc', () => {
  it.each([
    ['2026-03-30T09:00:00.000Z', '2026-03-30 09:00 UTC'],
    ['2026-03-30T09:00:59.999Z', '2026-03-30 09:00 UTC'],
    ['2026-03-31T01:00:00+08:00', '2026-03-30 17:00 UTC'],
    ['not a time', 'not a time'],
  ])('writes %j as %j', (iso, text) => {
    expect(formatUtc(iso)).toBe(text);
  });
});
