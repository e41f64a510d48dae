// Phone-number reading shared by the core and the renderer, on libphonenumber-js's full metadata
// (the number inventory must be strict about validity, which the minimal metadata is not).
import { parsePhoneNumberFromString, getCountries, type CountryCode } from 'libphonenumber-js/max';

const COUNTRIES = new Set<string>(getCountries());

export function isKnownCountry(code: string): code is CountryCode {
  return COUNTRIES.has(code);
}

export type PhoneReading = { ok: true; e164: string } | { ok: false; reason: string };

/** Reads a number written in any international form (leading +) into E.164, without judging validity. */
export function toE164(input: string): PhoneReading {
  const text = input.trim();
  if (!text.startsWith('+')) return { ok: false, reason: `"${text}" must start with + and the country code` };
  const phone = parsePhoneNumberFromString(text);
  if (!phone) return { ok: false, reason: `"${text}" is not a phone number` };
  return { ok: true, e164: phone.number };
}

/** Reads a number for a given country and checks that it is a valid number of that country. */
export function validNumberForCountry(input: string, country: CountryCode): PhoneReading {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'empty entry' };
  if (!/^[+\d\s().-]+$/.test(text)) return { ok: false, reason: `"${text}" contains characters that are not part of a phone number` };
  const phone = parsePhoneNumberFromString(text, country);
  if (!phone) return { ok: false, reason: `"${text}" is not a phone number` };
  if (!phone.isValid()) return { ok: false, reason: `${phone.number} is not a valid ${country} number` };
  const countries = phone.country ? [phone.country] : phone.getPossibleCountries();
  if (!countries.includes(country)) {
    return { ok: false, reason: `${phone.number} belongs to ${countries.join('/') || `+${phone.countryCallingCode}`}, not ${country}` };
  }
  return { ok: true, e164: phone.number };
}

/** A readable international form to show beside E.164, e.g. +65 6123 4567. */
export function formatInternational(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
