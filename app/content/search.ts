import { formatNhsNumber } from "~/domain/nhs-number";
import type { Search } from "~/domain/search";

/** What was searched for, in words: `for “Edith”`, `with NHS number 943 476 5919`. */
export function searchedFor(search: Search): string {
  switch (search.kind) {
    case "nhs_number":
      return `with NHS number ${formatNhsNumber(search.nhsNumber)}`;
    case "partial_nhs_number":
    case "text":
      return `for “${search.text}”`;
    case "none":
      return "";
  }
}

/** "2 people found for “Edith”", "1 agreement found with NHS number 943 476 5919", "No people found for “Zed”". */
export function foundLine(count: number, [one, many]: [string, string], search: Search): string {
  return `${count === 0 ? "No" : count} ${count === 1 ? one : many} found ${searchedFor(search)}`;
}

/** What to try when nothing was found, for each kind of search. */
export const NOTHING_FOUND = {
  people: (search: Search) =>
    search.kind === "partial_nhs_number"
      ? "NHS numbers are only matched in full. Enter all 10 digits, with or without spaces, or search by name."
      : search.kind === "nhs_number"
        ? "Check the NHS number against the person's letter or record. If they are on another team's caseload, ask that team."
        : "Check the spelling, try part of the name (for example the surname), or search by the 10-digit NHS number.",
  agreements: (search: Search) =>
    search.kind === "nhs_number"
      ? "Check the NHS number or reference, or search by the person's name."
      : "Check the spelling, try part of the person's name, or the number at the end of the reference (for example 000001). Filters below also narrow the list.",
};
