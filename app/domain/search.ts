import { normaliseNhsNumber } from "./nhs-number";

/**
 * What someone typed into a search box, read the way they meant it: an NHS number however
 * spaced ("943 476 5919", "943-476-5919"), only some digits of one, or words (a name, part of
 * an agreement reference; "2026-000003" reads as either, so `text` keeps what was typed). NHS numbers match in full only: a list of everyone whose number
 * contains "5919" would let anyone work numbers out digit by digit.
 */
export type Search =
  | { kind: "none" }
  | { kind: "nhs_number"; nhsNumber: string; text: string }
  | { kind: "partial_nhs_number"; digits: string; text: string }
  | { kind: "text"; text: string };

export function readSearch(input: string | undefined): Search {
  const text = (input ?? "").trim().replace(/\s+/g, " ");
  if (!text) return { kind: "none" };
  const digits = normaliseNhsNumber(text);
  if (/^\d+$/.test(digits) && /^[\d\s-]+$/.test(text)) {
    return digits.length === 10 ? { kind: "nhs_number", nhsNumber: digits, text } : { kind: "partial_nhs_number", digits, text };
  }
  return { kind: "text", text };
}

/** A LIKE pattern matching `text` anywhere, with LIKE's own wildcards taken literally (use ESCAPE '\'). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
