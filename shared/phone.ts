// Reading phone numbers: the one parser behind every command that takes a number (the actions,
// show, add, import) and the separators search patterns ignore, on libphonenumber-js's full
// metadata (the inventory must be strict about validity, which the minimal metadata is not).
// libphonenumber reads numbers out of any text ("+44203[0-9]" as +4420309, "ext. 5" dropped,
// full-width digits, NUL and zero-width characters skipped), so the text is checked first: digits,
// a leading +, and the separators people write, nothing else.
import { parsePhoneNumberFromString, getCountries, type CountryCode } from 'libphonenumber-js/max';
import { z } from 'zod';
import { foreignCharacters, quoteInput } from './quote';

const COUNTRIES = new Set<string>(getCountries());

export function isKnownCountry(code: string): code is CountryCode {
  return COUNTRIES.has(code);
}

/** What people write between the digits of a number: spaces (a no-break one too), brackets, dots and dashes. */
const SEPARATOR = /[ \u00a0().-]/g;

/** The text without its separators: "+65 6123-4567" is "+6561234567". */
export const withoutSeparators = (text: string) => text.replace(SEPARATOR, '');

/** E.164: a number has at most 15 digits. */
const MAX_DIGITS = 15;
/** Longer than any way of writing 15 digits with separators. */
const MAX_TEXT = 40;

/** Spaces and tabs off both ends; String.trim would also drop a zero-width no-break space (U+FEFF), hiding it from the checks. */
export const trimSpaces = (text: string) => text.replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/g, '');

export type PhoneReading = { ok: true; e164: string } | { ok: false; reason: string };

const NUMBER_CHARACTER = /^[0-9+ \u00a0().-]$/;
const NUMBER_TEXT = /^[0-9+ \u00a0().-]+$/;

/**
 * Reads a number someone typed or a file holds into E.164. Without a country it must be written
 * internationally (leading + and the country code) and is read without judging its validity: the
 * actions and show look it up in the inventory, which holds only valid numbers. With a country it
 * may be written nationally, and must be a valid number of that country (Add and import).
 * A refusal's reason quotes the input: `"+44203[0-9]" holds characters that are not part of a phone number: "[", "]"`.
 */
export function readPhoneNumber(input: unknown, country?: string): PhoneReading {
  const refuse = (reason: string): PhoneReading => ({ ok: false, reason });
  if (typeof input !== 'string') return refuse('must be text such as +6561234567');
  const text = trimSpaces(input);
  if (text === '') return refuse('is required');
  // Quoted only when refusing: most numbers read are fine (an import reads a million).
  const quoted = () => quoteInput(text);
  if (text.length > MAX_TEXT) return refuse(`${quoted()} is too long for a phone number (${text.length} characters)`);
  if (!NUMBER_TEXT.test(text)) {
    return refuse(`${quoted()} holds characters that are not part of a phone number: ${foreignCharacters(text, NUMBER_CHARACTER)}`);
  }
  const plus = text.indexOf('+');
  if (plus !== text.lastIndexOf('+') || (plus > 0 && /[0-9]/.test(text.slice(0, plus)))) {
    return refuse(`${quoted()} has a + after its first digit; only the country code may follow a +, at the start`);
  }
  const digits = text.replace(/[^0-9]/g, '').length;
  if (digits > MAX_DIGITS) return refuse(`${quoted()} has ${digits} digits; a phone number has at most ${MAX_DIGITS}`);
  if (country === undefined) {
    if (!withoutSeparators(text).startsWith('+')) return refuse(`${quoted()} must start with + and the country code`);
    const phone = parsePhoneNumberFromString(text);
    return phone ? { ok: true, e164: phone.number } : refuse(`${quoted()} is not a phone number`);
  }
  if (!isKnownCountry(country)) return refuse(`country "${country}" is not an ISO 3166 alpha-2 code`);
  const phone = parsePhoneNumberFromString(text, country);
  if (!phone) return refuse(`${quoted()} is not a phone number`);
  if (!phone.isValid()) return refuse(`${phone.number} is not a valid ${country} number`);
  const countries = phone.country ? [phone.country] : phone.getPossibleCountries();
  if (!countries.includes(country)) {
    return refuse(`${phone.number} belongs to ${countries.join('/') || `+${phone.countryCallingCode}`}, not ${country}`);
  }
  return { ok: true, e164: phone.number };
}

/** The number of an action or a lookup, in any international form, as its E.164 key. */
export const phoneNumberSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'Number is required' : 'Number must be text such as +6561234567') })
  .transform((text, ctx) => {
    const reading = readPhoneNumber(text);
    if (reading.ok) return reading.e164;
    ctx.addIssue({ code: 'custom', message: `Number ${reading.reason}` });
    return z.NEVER;
  });

/** A readable international form to show beside E.164, e.g. +65 6123 4567. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
