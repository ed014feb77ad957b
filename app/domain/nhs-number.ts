/**
 * NHS numbers: 10 digits, the last a modulus 11 check digit.
 * https://www.datadictionary.nhs.uk/attributes/nhs_number.html
 */

/** Strips the spaces and hyphens people type, leaving what they meant. */
export function normaliseNhsNumber(input: string): string {
  return input.replace(/[\s-]/g, "");
}

export type NhsNumberProblem = "empty" | "not_ten_digits" | "check_digit" | "same_digit";

export function nhsNumberProblem(input: string): NhsNumberProblem | null {
  const digits = normaliseNhsNumber(input);
  if (digits === "") return "empty";
  if (!/^\d{10}$/.test(digits)) return "not_ten_digits";
  // Every run of one digit (0000000000, 1111111111 ...) passes modulus 11 trivially; none is
  // issued, and 0000000000 is what a form filled in to get past the field looks like.
  if (/^(\d)\1{9}$/.test(digits)) return "same_digit";
  let total = 0;
  for (let i = 0; i < 9; i++) total += Number(digits[i]) * (10 - i);
  const remainder = total % 11;
  const check = 11 - remainder === 11 ? 0 : 11 - remainder;
  // A check value of 10 means no valid NHS number has these first nine digits.
  if (check === 10 || check !== Number(digits[9])) return "check_digit";
  return null;
}

export function isValidNhsNumber(input: string): boolean {
  return nhsNumberProblem(input) === null;
}

/** `9434765919` -> `943 476 5919`, the format NHS services print. */
export function formatNhsNumber(nhsNumber: string): string {
  const d = normaliseNhsNumber(nhsNumber);
  if (d.length !== 10) return nhsNumber;
  return `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`;
}

/** For lists: only the last 4 digits show (`*** *** 5919`). */
export function maskNhsNumber(nhsNumber: string): string {
  const d = normaliseNhsNumber(nhsNumber);
  return `*** *** ${d.slice(-4)}`;
}
