import { parsePhoneNumberFromString } from "libphonenumber-js/max";
import { isValid as isValidPostcode, toNormalised } from "postcode";

/** Why a UK phone number will not do, or null when it will. */
export function ukPhoneProblem(text: string): "not_a_number" | null {
  const parsed = parsePhoneNumberFromString(text, "GB");
  if (!parsed || !parsed.isValid()) return "not_a_number";
  return null;
}

/** A valid UK (or international) number as people write it: national format for UK numbers. */
export function formatUkPhone(text: string): string {
  const parsed = parsePhoneNumberFromString(text, "GB");
  if (!parsed || !parsed.isValid()) return text.trim();
  return parsed.country === "GB" || parsed.countryCallingCode === "44" ? parsed.formatNational() : parsed.formatInternational();
}

/** "ls14ap" → "LS1 4AP"; null when it is not a UK postcode. */
export function normaliseUkPostcode(text: string): string | null {
  const compact = text.trim();
  if (!isValidPostcode(compact)) return null;
  return toNormalised(compact);
}
